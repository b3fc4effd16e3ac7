package org.casebook.riskplan;

/** What kind of safeguarding concern was raised. */
public enum ConcernCategory {
    CHILD_AT_RISK("Identifiable child at risk"),
    OFFENCE_DISCLOSED("Disclosure of an offence"),
    SELF_HARM_OR_SUICIDE("Risk of self-harm or suicide"),
    OTHER("Other");

    private final String label;

    ConcernCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
