package org.casebook.client;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One break-glass access as a reviewing supervisor sees it: who opened which client (by code), when,
 * why, and how it was reviewed.
 */
public record BreakGlassReview(
        UUID id,
        long version,
        String clientCode,
        long staffId,
        String staffName,
        String reason,
        Instant grantedAt,
        Instant expiresAt,
        Outcome outcome,
        @Nullable String reviewerName,
        @Nullable Instant reviewedAt,
        @Nullable String reviewNote) {

    /** Where a review stands. */
    public enum Outcome {
        PENDING("Pending"),
        ACKNOWLEDGED("Acknowledged"),
        ESCALATED("Escalated");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isPending() {
        return outcome == Outcome.PENDING;
    }
}
