package org.casebook.riskplan;

/** Events in the justice process that raise a client's risk to self. */
public enum TriggerKind {
    ARREST("Arrest"),
    CHARGE("Charge"),
    COURT_HEARING("Court hearing"),
    SENTENCING("Sentencing");

    private final String label;

    TriggerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
