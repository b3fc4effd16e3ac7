package org.casebook.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One step in the life of a case, as the client page shows it. Written only by {@link ClientRecords}. */
@Entity
@Table(name = "client_history")
class ClientHistoryEntry {

    enum Kind {
        CREATED,
        STATUS,
        ASSIGNED,
        REASSIGNED,
        CLOSED,
        EXCLUSION
    }

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private Instant happenedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseStatus status;

    private @Nullable Long counsellorId;

    private @Nullable Long byStaff;

    private byte @Nullable [] reason;

    protected ClientHistoryEntry() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.happenedAt = Instant.EPOCH;
        this.kind = Kind.STATUS;
        this.status = CaseStatus.RECEIVED;
    }

    ClientHistoryEntry(
            UUID id,
            UUID clientId,
            Instant happenedAt,
            Kind kind,
            CaseStatus status,
            @Nullable Long counsellorId,
            @Nullable Long byStaff) {
        this.id = id;
        this.clientId = clientId;
        this.happenedAt = happenedAt;
        this.kind = kind;
        this.status = status;
        this.counsellorId = counsellorId;
        this.byStaff = byStaff;
    }

    void because(byte @Nullable [] sealedReason) {
        this.reason = sealedReason;
    }

    UUID id() {
        return id;
    }

    Instant happenedAt() {
        return happenedAt;
    }

    Kind kind() {
        return kind;
    }

    CaseStatus status() {
        return status;
    }

    @Nullable
    Long counsellorId() {
        return counsellorId;
    }

    @Nullable
    Long byStaff() {
        return byStaff;
    }

    byte @Nullable [] reason() {
        return reason;
    }
}
