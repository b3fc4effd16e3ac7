package org.casebook.encryption;

/**
 * A stored value that does not open where it was asked for: altered, copied from another row or
 * column, or sealed with a key this keyset does not hold. The message names the place, never the
 * content, so it may be logged.
 */
public class FieldDecryptionException extends RuntimeException {

    private final FieldContext context;

    FieldDecryptionException(FieldContext context, String reason) {
        super("Cannot decrypt " + context.describe() + ": " + reason);
        this.context = context;
    }

    /** Where the value was read. */
    public FieldContext context() {
        return context;
    }
}
