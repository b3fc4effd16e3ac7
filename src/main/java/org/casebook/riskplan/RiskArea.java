package org.casebook.riskplan;

/** The dynamic risk areas of a structured review, each rated 0 (no concern) to 2 (definite concern). */
public enum RiskArea {
    SOCIAL_INFLUENCES("Social influences"),
    INTIMACY_DEFICITS("Intimacy deficits"),
    SEXUAL_SELF_REGULATION("Sexual self-regulation"),
    GENERAL_SELF_REGULATION("General self-regulation"),
    COOPERATION("Cooperation with supervision");

    private final String label;

    RiskArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
