package org.casebook.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client taken through one version of the limits-of-confidentiality agreement. Never edited. */
@Entity
@Table(name = "client_agreement")
class ClientAgreement {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private long versionId;

    @Column(nullable = false)
    private LocalDate agreedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "given_how", nullable = false, length = 20)
    private HowGiven how;

    @Column(nullable = false)
    private long recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    protected ClientAgreement() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.agreedOn = LocalDate.EPOCH;
        this.how = HowGiven.IN_PERSON;
        this.recordedAt = Instant.EPOCH;
    }

    ClientAgreement(
            UUID clientId, long versionId, LocalDate agreedOn, HowGiven how, long recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.versionId = versionId;
        this.agreedOn = agreedOn;
        this.how = how;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    long versionId() {
        return versionId;
    }

    LocalDate agreedOn() {
        return agreedOn;
    }

    HowGiven how() {
        return how;
    }

    long recordedBy() {
        return recordedBy;
    }
}
