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

/** A supervisor's decision on a concern: recorded once (the table allows one per concern), never changed. */
@Entity
@Immutable
@Table(name = "safeguarding_decision")
class ConcernDecision {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private UUID concernId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DecisionOutcome outcome;

    private @Nullable String reference;

    private @Nullable LocalDate referredOn;

    private byte @Nullable [] rationale;

    private byte @Nullable [] followUp;

    @Column(nullable = false)
    private long decidedBy;

    @Column(nullable = false)
    private Instant decidedAt;

    protected ConcernDecision() {
        this.id = new UUID(0, 0);
        this.concernId = id;
        this.outcome = DecisionOutcome.NO_FURTHER_ACTION;
        this.decidedAt = Instant.EPOCH;
    }

    ConcernDecision(
            UUID id,
            UUID concernId,
            DecisionOutcome outcome,
            @Nullable String reference,
            @Nullable LocalDate referredOn,
            byte @Nullable [] rationale,
            byte @Nullable [] followUp,
            long decidedBy,
            Instant decidedAt) {
        this.id = id;
        this.concernId = concernId;
        this.outcome = outcome;
        this.reference = reference;
        this.referredOn = referredOn;
        this.rationale = rationale;
        this.followUp = followUp;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    UUID id() {
        return id;
    }

    UUID concernId() {
        return concernId;
    }

    DecisionOutcome outcome() {
        return outcome;
    }

    @Nullable
    String reference() {
        return reference;
    }

    @Nullable
    LocalDate referredOn() {
        return referredOn;
    }

    byte @Nullable [] rationale() {
        return rationale;
    }

    byte @Nullable [] followUp() {
        return followUp;
    }

    long decidedBy() {
        return decidedBy;
    }

    Instant decidedAt() {
        return decidedAt;
    }
}
