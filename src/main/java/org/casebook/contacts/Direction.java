package org.casebook.contacts;

/** Whether the contact came in to the counsellor or went out from them. */
public enum Direction {
    INCOMING("In"),
    OUTGOING("Out");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
