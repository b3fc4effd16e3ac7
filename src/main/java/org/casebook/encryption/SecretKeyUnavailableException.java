package org.casebook.encryption;

/** A key kept outside the database is missing or unusable; the application must not start without it. */
public class SecretKeyUnavailableException extends IllegalStateException {

    private final SecretKeyMaterial key;

    SecretKeyUnavailableException(SecretKeyMaterial key, String message) {
        super(message);
        this.key = key;
    }

    SecretKeyMaterial key() {
        return key;
    }
}
