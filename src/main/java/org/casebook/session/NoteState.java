package org.casebook.session;

/** How far the note of an appointment has got. */
public enum NoteState {
    NONE("No note"),
    DRAFT("Draft"),
    SIGNED("Signed"),
    CO_SIGNED("Signed and co-signed");

    private final String label;

    NoteState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
