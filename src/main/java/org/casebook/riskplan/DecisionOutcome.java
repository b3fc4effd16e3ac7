package org.casebook.riskplan;

/** What a supervisor decided about a concern. Referrals need a reference number and a date. */
public enum DecisionOutcome {
    POLICE("Referred to police"),
    CHILDRENS_SERVICES("Referred to children's services"),
    LADO("Referred to the LADO"),
    NO_FURTHER_ACTION("No further action");

    private final String label;

    DecisionOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isReferral() {
        return this != NO_FURTHER_ACTION;
    }
}
