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

/** A safeguarding concern as raised: written once, never changed. What was learned is sealed. */
@Entity
@Immutable
@Table(name = "safeguarding_concern")
class Concern {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private String clientCode;

    private @Nullable Long teamId;

    private @Nullable Long counsellorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConcernCategory category;

    private boolean immediate;

    @Column(nullable = false)
    private LocalDate learnedOn;

    @Column(nullable = false)
    private byte[] whatLearned;

    @Column(nullable = false)
    private String source;

    private @Nullable Long raisedBy;

    @Column(nullable = false)
    private Instant raisedAt;

    protected Concern() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.clientCode = "";
        this.category = ConcernCategory.OTHER;
        this.learnedOn = LocalDate.EPOCH;
        this.whatLearned = new byte[0];
        this.source = "";
        this.raisedAt = Instant.EPOCH;
    }

    Concern(
            UUID id,
            UUID clientId,
            String clientCode,
            @Nullable Long teamId,
            @Nullable Long counsellorId,
            ConcernCategory category,
            boolean immediate,
            LocalDate learnedOn,
            byte[] whatLearned,
            String source,
            @Nullable Long raisedBy,
            Instant raisedAt) {
        this.id = id;
        this.clientId = clientId;
        this.clientCode = clientCode;
        this.teamId = teamId;
        this.counsellorId = counsellorId;
        this.category = category;
        this.immediate = immediate;
        this.learnedOn = learnedOn;
        this.whatLearned = whatLearned;
        this.source = source;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    String clientCode() {
        return clientCode;
    }

    @Nullable
    Long teamId() {
        return teamId;
    }

    ConcernCategory category() {
        return category;
    }

    boolean immediate() {
        return immediate;
    }

    LocalDate learnedOn() {
        return learnedOn;
    }

    byte[] whatLearned() {
        return whatLearned;
    }

    String source() {
        return source;
    }

    @Nullable
    Long raisedBy() {
        return raisedBy;
    }

    Instant raisedAt() {
        return raisedAt;
    }
}
