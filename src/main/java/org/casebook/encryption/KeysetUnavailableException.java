package org.casebook.encryption;

/** No usable keyset: Casebook must not start (or a key command must not go on) without one. */
class KeysetUnavailableException extends RuntimeException {

    KeysetUnavailableException(String message) {
        super(message);
    }

    KeysetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
