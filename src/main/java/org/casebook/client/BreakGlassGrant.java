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

    enum Review { PENDING, ACKNOWLEDGED, ESCALATED }

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private long staffId;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(nullable = false)
    private Instant grantedAt;

    @Column(nullable = false)
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Review review;

    private @Nullable Long reviewedBy;

    private @Nullable Instant reviewedAt;

    @Column(length = 500)
    private @Nullable String reviewNote;

    protected BreakGlassGrant() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.reason = "";
        this.grantedAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
        this.review = Review.PENDING;
    }

    BreakGlassGrant(UUID clientId, long staffId, String reason, Instant grantedAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.staffId = staffId;
        this.reason = reason;
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

    String reason() {
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

    @Nullable Long reviewedBy() {
        return reviewedBy;
    }

    @Nullable Instant reviewedAt() {
        return reviewedAt;
    }

    @Nullable String reviewNote() {
        return reviewNote;
    }

    void reviewed(Review outcome, long by, Instant at, String note) {
        this.review = outcome;
        this.reviewedBy = by;
        this.reviewedAt = at;
        this.reviewNote = note;
    }
}
