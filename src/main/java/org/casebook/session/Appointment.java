package org.casebook.session;

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

/** A booked session with a client; its place is sealed, its time and outcome are in clear for lists. */
@Entity
@Table(name = "appointment")
class Appointment {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false, length = 12)
    private String clientCode;

    @Column(nullable = false)
    private long counsellorId;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Modality modality;

    private byte @Nullable [] location;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private @Nullable Attendance outcome;

    private @Nullable Instant outcomeRecordedAt;

    private @Nullable UUID seriesId;

    /** When the client is to be reminded (null: booked before reminders existed). */
    private @Nullable Instant remindAt;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected Appointment() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.clientCode = "";
        this.startsAt = Instant.EPOCH;
        this.endsAt = Instant.EPOCH;
        this.modality = Modality.VIDEO;
        this.createdAt = Instant.EPOCH;
    }

    Appointment(
            UUID id,
            UUID clientId,
            String clientCode,
            long counsellorId,
            Instant startsAt,
            Instant endsAt,
            Modality modality,
            byte @Nullable [] location,
            long createdBy,
            Instant createdAt) {
        this.id = id;
        this.clientId = clientId;
        this.clientCode = clientCode;
        this.counsellorId = counsellorId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.modality = modality;
        this.location = location;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    @Nullable
    Instant remindAt() {
        return remindAt;
    }

    void remindAt(@Nullable Instant at) {
        this.remindAt = at;
    }

    UUID clientId() {
        return clientId;
    }

    String clientCode() {
        return clientCode;
    }

    long counsellorId() {
        return counsellorId;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    Modality modality() {
        return modality;
    }

    byte @Nullable [] location() {
        return location;
    }

    @Nullable
    Attendance outcome() {
        return outcome;
    }

    @Nullable
    UUID seriesId() {
        return seriesId;
    }

    Appointment inSeries(UUID series) {
        this.seriesId = series;
        return this;
    }

    /** Moves the appointment, keeping its length. */
    void moveTo(Instant start) {
        var length = java.time.Duration.between(startsAt, endsAt);
        this.startsAt = start;
        this.endsAt = start.plus(length);
    }

    void record(Attendance outcome, Instant at) {
        this.outcome = outcome;
        this.outcomeRecordedAt = at;
    }
}
