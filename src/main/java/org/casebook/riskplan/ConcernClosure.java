package org.casebook.riskplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** The closure of a concern, once. */
@Entity
@Immutable
@Table(name = "safeguarding_closure")
class ConcernClosure {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private UUID concernId;

    private byte @Nullable [] note;

    @Column(nullable = false)
    private long closedBy;

    @Column(nullable = false)
    private Instant closedAt;

    protected ConcernClosure() {
        this.id = new UUID(0, 0);
        this.concernId = id;
        this.closedAt = Instant.EPOCH;
    }

    ConcernClosure(UUID id, UUID concernId, byte @Nullable [] note, long closedBy, Instant closedAt) {
        this.id = id;
        this.concernId = concernId;
        this.note = note;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
    }

    UUID id() {
        return id;
    }

    UUID concernId() {
        return concernId;
    }

    byte @Nullable [] note() {
        return note;
    }

    long closedBy() {
        return closedBy;
    }

    Instant closedAt() {
        return closedAt;
    }
}
