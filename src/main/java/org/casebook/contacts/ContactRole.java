package org.casebook.contacts;

/** What a third party is to the client's case. */
public enum ContactRole {
    PROBATION_OFFICER("Probation officer"),
    GP("GP"),
    SOLICITOR("Solicitor"),
    SOCIAL_WORKER("Social worker"),
    POLICE("Police contact"),
    OTHER("Other");

    private final String label;

    ContactRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
