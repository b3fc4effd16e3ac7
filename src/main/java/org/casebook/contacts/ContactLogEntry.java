package org.casebook.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a client's contact log: kind, direction and time in clear, who and summary sealed. */
@Entity
@Table(name = "client_contact_log")
class ContactLogEntry {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false, length = 12)
    private String clientCode;

    @Column(nullable = false)
    private Instant happenedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ContactKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Direction direction;

    @Column(nullable = false)
    private byte[] who;

    @Column(nullable = false)
    private byte[] summary;

    @Column(nullable = false)
    private long recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    protected ContactLogEntry() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.clientCode = "";
        this.happenedAt = Instant.EPOCH;
        this.kind = ContactKind.CALL;
        this.direction = Direction.OUTGOING;
        this.who = new byte[0];
        this.summary = new byte[0];
        this.recordedAt = Instant.EPOCH;
    }

    ContactLogEntry(
            UUID id,
            UUID clientId,
            String clientCode,
            Instant happenedAt,
            ContactKind kind,
            Direction direction,
            byte[] who,
            byte[] summary,
            long recordedBy,
            Instant recordedAt) {
        this.id = id;
        this.clientId = clientId;
        this.clientCode = clientCode;
        this.happenedAt = happenedAt;
        this.kind = kind;
        this.direction = direction;
        this.who = who;
        this.summary = summary;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    UUID id() {
        return id;
    }

    Instant happenedAt() {
        return happenedAt;
    }

    ContactKind kind() {
        return kind;
    }

    Direction direction() {
        return direction;
    }

    byte[] who() {
        return who;
    }

    byte[] summary() {
        return summary;
    }

    long recordedBy() {
        return recordedBy;
    }
}
