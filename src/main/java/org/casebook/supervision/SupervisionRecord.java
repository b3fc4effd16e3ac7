package org.casebook.supervision;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A clinical supervision session between a supervisor and one counsellor of their team; text sealed. */
@Entity
@Table(name = "supervision_record")
class SupervisionRecord {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false)
    private long supervisorId;

    @Column(nullable = false)
    private long counsellorId;

    @Column(nullable = false)
    private LocalDate heldOn;

    @Column(nullable = false)
    private byte[] discussion;

    private byte @Nullable [] agreedActions;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "supervision_record_client", joinColumns = @JoinColumn(name = "record_id"))
    private Set<DiscussedClient> clients = new LinkedHashSet<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected SupervisionRecord() {
        this.id = new UUID(0, 0);
        this.heldOn = LocalDate.EPOCH;
        this.discussion = new byte[0];
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    SupervisionRecord(UUID id, long supervisorId, Instant createdAt) {
        this.id = id;
        this.supervisorId = supervisorId;
        this.heldOn = LocalDate.EPOCH;
        this.discussion = new byte[0];
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void write(
            long counsellorId,
            LocalDate heldOn,
            Set<DiscussedClient> clients,
            byte[] discussion,
            byte @Nullable [] agreedActions,
            Instant at) {
        this.counsellorId = counsellorId;
        this.heldOn = heldOn;
        this.clients.clear();
        this.clients.addAll(clients);
        this.discussion = discussion;
        this.agreedActions = agreedActions;
        this.updatedAt = at;
    }

    UUID id() {
        return id;
    }

    long version() {
        return version;
    }

    long supervisorId() {
        return supervisorId;
    }

    long counsellorId() {
        return counsellorId;
    }

    LocalDate heldOn() {
        return heldOn;
    }

    byte[] discussion() {
        return discussion;
    }

    byte @Nullable [] agreedActions() {
        return agreedActions;
    }

    Set<DiscussedClient> clients() {
        return clients;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
