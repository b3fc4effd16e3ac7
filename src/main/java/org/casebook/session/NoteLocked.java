package org.casebook.session;

/** A change a note's state does not allow: editing a signed note, co-signing twice. */
public class NoteLocked extends IllegalStateException {

    public static final String SIGNED = "This note is signed and locked. Add an addendum to correct or add to it.";

    NoteLocked(String message) {
        super(message);
    }
}
