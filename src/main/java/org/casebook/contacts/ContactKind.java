package org.casebook.contacts;

/** How contact with or about a client was made (or missed). */
public enum ContactKind {
    CALL("Phone call"),
    TEXT("Text message"),
    EMAIL("Email"),
    LETTER("Letter"),
    MISSED("Missed contact");

    private final String label;

    ContactKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
