package org.casebook.session;

/** What became of one reminder. */
public enum ReminderState {
    /** Waiting for its due time. */
    PENDING("Due"),
    /** A send failed; it is tried again after a pause. */
    RETRYING("Retrying"),
    SENT("Sent"),
    /** Deliberately not sent, with the reason (no consent, no address, no provider). */
    SUPPRESSED("Not sent"),
    /** Every attempt failed: the counsellor is told so. */
    FAILED("Failed");

    private final String label;

    ReminderState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
