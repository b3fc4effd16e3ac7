package org.casebook.security;

/** Why a password change was refused, and which field the person should correct. */
public class PasswordChangeRefused extends RuntimeException {

    /** The field at fault. */
    public enum Field {
        CURRENT_PASSWORD,
        NEW_PASSWORD
    }

    private final Field field;

    PasswordChangeRefused(Field field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
