package org.casebook.session;

/** The counsellor's answer to "does anything in this session change the client's risk?". */
public enum RiskAnswer {
    YES("Yes"),
    NO("No"),
    UNSURE("Not sure");

    private final String label;

    RiskAnswer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
