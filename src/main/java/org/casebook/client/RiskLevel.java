package org.casebook.client;

/** A risk rating, as the risk-minimisation plan records it. */
public enum RiskLevel {
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High"),
    VERY_HIGH("Very high");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** High and very high risk call for closer review (monthly rather than three-monthly). */
    public boolean isHighOrAbove() {
        return this == HIGH || this == VERY_HIGH;
    }
}
