package org.casebook.client;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands. Only the moves listed here are allowed; the service refuses any other. */
public enum CaseStatus {
    RECEIVED("Received"),
    TRIAGED("Triaged"),
    WAITING("Waiting"),
    ASSIGNED("Assigned"),
    ACTIVE("Active"),
    CLOSED("Closed");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses a case in this status may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(TRIAGED, CLOSED);
            case TRIAGED -> EnumSet.of(WAITING, CLOSED);
            case WAITING -> EnumSet.of(ASSIGNED, CLOSED);
            // Back to waiting when the counsellor can no longer take the client before they have met.
            case ASSIGNED -> EnumSet.of(ACTIVE, WAITING, CLOSED);
            case ACTIVE -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Open cases are everything not yet closed. */
    public boolean isOpen() {
        return this != CLOSED;
    }
}
