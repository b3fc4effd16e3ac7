package org.casebook.riskplan;

/** Where a concern stands: waiting for a decision, decided (follow-up under way), or closed. */
public enum ConcernStatus {
    OPEN("Awaiting decision"),
    DECIDED("Decided"),
    CLOSED("Closed");

    private final String label;

    ConcernStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
