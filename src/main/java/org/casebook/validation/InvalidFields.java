package org.casebook.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input a service will not accept, with a message for each field that needs changing, keyed by the field's
 * name in the command the service was given. Views show each message at its field and keep what was typed.
 * This is the one type for input a person typed wrong, in every module; {@link IllegalArgumentException} on its
 * own is left for programming errors. {@link org.casebook.ui.FieldMessages#show} binds it to a form.
 */
public class InvalidFields extends IllegalArgumentException {

    private final Map<String, String> fieldErrors;

    public InvalidFields(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidFields(Map<String, String> fieldErrors) {
        super(String.join(" ", fieldErrors.values()));
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** Message by field name, in the order the fields were checked. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The message for this field, or {@code null} when that field is fine. */
    public @org.jspecify.annotations.Nullable String messageFor(String field) {
        return fieldErrors.get(field);
    }
}
