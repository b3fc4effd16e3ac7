package org.casebook.riskplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** A date that raises the client's risk to self (arrest, charge, court hearing, sentencing). */
@Entity
@Immutable
@Table(name = "risk_trigger_date")
class TriggerDate {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TriggerKind kind;

    @Column(nullable = false)
    private LocalDate onDate;

    private byte @Nullable [] note;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected TriggerDate() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.kind = TriggerKind.ARREST;
        this.onDate = LocalDate.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    TriggerDate(
            UUID id,
            UUID clientId,
            TriggerKind kind,
            LocalDate onDate,
            byte @Nullable [] note,
            long createdBy,
            Instant createdAt) {
        this.id = id;
        this.clientId = clientId;
        this.kind = kind;
        this.onDate = onDate;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    TriggerKind kind() {
        return kind;
    }

    LocalDate onDate() {
        return onDate;
    }

    byte @Nullable [] note() {
        return note;
    }
}
