package org.casebook.riskplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** Later information about a concern, dated; what was first recorded is never edited. */
@Entity
@Immutable
@Table(name = "safeguarding_comment")
class ConcernComment {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID concernId;

    @Column(nullable = false)
    private byte[] body;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected ConcernComment() {
        this.id = new UUID(0, 0);
        this.concernId = id;
        this.body = new byte[0];
        this.createdAt = Instant.EPOCH;
    }

    ConcernComment(UUID id, UUID concernId, byte[] body, long createdBy, Instant createdAt) {
        this.id = id;
        this.concernId = concernId;
        this.body = body;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    byte[] body() {
        return body;
    }

    long createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
