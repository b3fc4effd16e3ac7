package org.casebook.client;

/** How a client gave their agreement. */
public enum HowGiven {
    IN_PERSON("In person"),
    VIDEO("By video"),
    PHONE("By phone"),
    WRITTEN("In writing");

    private final String label;

    HowGiven(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
