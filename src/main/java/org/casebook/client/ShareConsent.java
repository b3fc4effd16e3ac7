package org.casebook.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A client's consent to share with one named person or organisation; withdrawing dates it, never deletes it. */
@Entity
@Table(name = "share_consent")
class ShareConsent {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ShareRecipient recipient;

    @Column(nullable = false)
    private byte[] named;

    @Column(nullable = false)
    private LocalDate givenOn;

    private @Nullable LocalDate withdrawnOn;

    @Column(nullable = false)
    private long recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    protected ShareConsent() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.recipient = ShareRecipient.OTHER;
        this.named = new byte[0];
        this.givenOn = LocalDate.EPOCH;
        this.recordedAt = Instant.EPOCH;
    }

    ShareConsent(
            UUID id,
            UUID clientId,
            ShareRecipient recipient,
            byte[] named,
            LocalDate givenOn,
            long recordedBy,
            Instant recordedAt) {
        this.id = id;
        this.clientId = clientId;
        this.recipient = recipient;
        this.named = named;
        this.givenOn = givenOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    UUID id() {
        return id;
    }

    long version() {
        return version;
    }

    UUID clientId() {
        return clientId;
    }

    ShareRecipient recipient() {
        return recipient;
    }

    byte[] named() {
        return named;
    }

    LocalDate givenOn() {
        return givenOn;
    }

    @Nullable
    LocalDate withdrawnOn() {
        return withdrawnOn;
    }

    void withdraw(LocalDate on) {
        this.withdrawnOn = on;
    }
}
