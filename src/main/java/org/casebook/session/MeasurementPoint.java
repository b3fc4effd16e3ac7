package org.casebook.session;

/** When in the life of a case an outcome measure was taken. */
public enum MeasurementPoint {
    INTAKE("Intake"),
    REVIEW("Review"),
    CLOSURE("Closure");

    private final String label;

    MeasurementPoint(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
