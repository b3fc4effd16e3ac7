package org.casebook.session;

/** What became of an appointment. */
public enum Attendance {
    ATTENDED("Attended"),
    DID_NOT_ATTEND("Did not attend (DNA)"),
    CANCELLED_BY_CLIENT("Cancelled by client"),
    CANCELLED_BY_COUNSELLOR("Cancelled by counsellor");

    private final String label;

    Attendance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this outcome can only be known once the appointment's time has come. */
    public boolean needsTimeToHavePassed() {
        return this == ATTENDED || this == DID_NOT_ATTEND;
    }

    /** A cancelled appointment no longer takes the counsellor's time. */
    public boolean isCancellation() {
        return this == CANCELLED_BY_CLIENT || this == CANCELLED_BY_COUNSELLOR;
    }
}
