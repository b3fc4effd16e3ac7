package org.casebook.security;

/** An administrator's change that cannot be made; the message says why, for the administrator to read. */
public class AccountChangeRefused extends RuntimeException {

    /** The form field the refusal is about, or {@code null} for the whole form. */
    private final String field;

    public AccountChangeRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
