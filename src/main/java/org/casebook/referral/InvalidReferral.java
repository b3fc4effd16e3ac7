package org.casebook.referral;

import java.util.Map;

/** A referral the service will not save, with a message for each field that needs changing. */
public class InvalidReferral extends IllegalArgumentException {

    private final Map<String, String> fieldErrors;

    InvalidReferral(Map<String, String> fieldErrors) {
        super("Please correct the referral: " + String.join(" ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Message by field name, the names being those of {@link NewReferral}'s components. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
