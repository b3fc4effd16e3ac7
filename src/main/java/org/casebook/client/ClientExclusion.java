package org.casebook.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A member of staff who must never work with or open this client (a conflict of interest, such as
 * knowing the family). The reason is sealed: it can say more about the client than anything else here.
 */
@Entity
@Table(name = "client_exclusion")
class ClientExclusion {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private long staffId;

    @Column(nullable = false)
    private byte[] reason;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected ClientExclusion() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.reason = new byte[0];
        this.createdAt = Instant.EPOCH;
    }

    ClientExclusion(UUID id, UUID clientId, long staffId, byte[] reason, long createdBy, Instant createdAt) {
        this.id = id;
        this.clientId = clientId;
        this.staffId = staffId;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
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

    byte[] reason() {
        return reason;
    }

    long createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
