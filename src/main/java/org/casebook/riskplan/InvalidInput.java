package org.casebook.riskplan;

import org.casebook.validation.InvalidFields;

/** Input refused, with a message for the person and the field it concerns. */
public class InvalidInput extends InvalidFields {

    private final String field;

    InvalidInput(String field, String message) {
        super(field, message);
        this.field = field;
    }

    /** The name of the field the message belongs to, e.g. {@code "rationale"}. */
    public String field() {
        return field;
    }
}
