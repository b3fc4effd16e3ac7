package org.casebook.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Time-limited access to one client outside the person's own scope, with the reason they gave. It stays
 * on record after it expires, for supervisors to review.
 */
@Entity
@Table(name = "break_glass_access")
class BreakGlassGrant {

    enum Review {
        PENDING,
        ACKNOWLEDGED,
        ESCALATED
    }

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private long staffId;

    /** Sealed ({@link ClientColumns#BREAK_GLASS_REASON}). */
    private byte @Nullable [] sealedReason;

    /** Clear text of rows written before reasons were sealed, until {@link BreakGlassSealing} seals it. */
    @Column(length = 500)
    private @Nullable String reason;

    @Column(nullable = false)
    private Instant grantedAt;

    @Column(nullable = false)
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Review review;

    private @Nullable Long reviewedBy;

    private @Nullable Instant reviewedAt;

    /** Sealed ({@link ClientColumns#BREAK_GLASS_REVIEW_NOTE}). */
    private byte @Nullable [] sealedReviewNote;

    @Column(length = 500)
    private @Nullable String reviewNote;

    protected BreakGlassGrant() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.grantedAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
        this.review = Review.PENDING;
    }

    BreakGlassGrant(UUID id, UUID clientId, long staffId, byte[] sealedReason, Instant grantedAt, Instant expiresAt) {
        this.id = id;
        this.clientId = clientId;
        this.staffId = staffId;
        this.sealedReason = sealedReason;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
        this.review = Review.PENDING;
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    long staffId() {
        return staffId;
    }

    byte @Nullable [] sealedReason() {
        return sealedReason;
    }

    /** The reason in clear, only on rows from before sealing. */
    @Nullable
    String legacyReason() {
        return reason;
    }

    Instant grantedAt() {
        return grantedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Review review() {
        return review;
    }

    @Nullable
    Long reviewedBy() {
        return reviewedBy;
    }

    @Nullable
    Instant reviewedAt() {
        return reviewedAt;
    }

    byte @Nullable [] sealedReviewNote() {
        return sealedReviewNote;
    }

    /** The review note in clear, only on rows from before sealing. */
    @Nullable
    String legacyReviewNote() {
        return reviewNote;
    }

    void reviewed(Review outcome, long by, Instant at, byte @Nullable [] sealedNote) {
        this.review = outcome;
        this.reviewedBy = by;
        this.reviewedAt = at;
        this.sealedReviewNote = sealedNote;
    }
}
