package org.casebook.client;

/** Whom a client may consent to share information with. */
public enum ShareRecipient {
    GP("GP"),
    PROBATION("Probation"),
    SOLICITOR("Solicitor"),
    SOCIAL_WORKER("Social worker"),
    OTHER("Other");

    private final String label;

    ShareRecipient(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
