package org.casebook.dataprotection;

/** The rights a request asks for. Stored by name. */
public enum RequestKind {
    SUBJECT_ACCESS("Subject access"),
    ERASURE("Erasure"),
    RECTIFICATION("Rectification");

    private final String label;

    RequestKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
