package org.casebook.riskplan;

/** Input refused, with a message for the person and the field it concerns. */
public class InvalidInput extends IllegalArgumentException {

    private final String field;

    InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the field the message belongs to, e.g. {@code "rationale"}. */
    public String field() {
        return field;
    }
}
