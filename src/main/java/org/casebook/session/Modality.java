package org.casebook.session;

/** How a session takes place. */
public enum Modality {
    IN_PERSON("In person"),
    VIDEO("Video"),
    PHONE("Phone");

    private final String label;

    Modality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
