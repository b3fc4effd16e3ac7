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
import org.casebook.client.RiskLevel;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One saved version of a plan, kept whole and never changed. The section texts are sealed. */
@Entity
@Immutable
@Table(name = "risk_plan_version")
class RiskPlanVersion {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID planId;

    @Column(nullable = false)
    private int number;

    private byte @Nullable [] goals;
    private byte @Nullable [] triggers;
    private byte @Nullable [] warningSigns;
    private byte @Nullable [] coping;
    private byte @Nullable [] protectiveFactors;
    private byte @Nullable [] supportNetwork;
    private byte @Nullable [] externalConditions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RiskLevel riskToOthers;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RiskLevel riskToSelf;

    private byte @Nullable [] ratingRationale;

    @Column(nullable = false)
    private LocalDate nextReview;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected RiskPlanVersion() {
        this.id = new UUID(0, 0);
        this.planId = id;
        this.riskToOthers = RiskLevel.LOW;
        this.riskToSelf = RiskLevel.LOW;
        this.nextReview = LocalDate.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    RiskPlanVersion(
            UUID id,
            UUID planId,
            int number,
            byte @Nullable [][] sections,
            RiskLevel toOthers,
            RiskLevel toSelf,
            byte @Nullable [] rationale,
            LocalDate nextReview,
            long createdBy,
            Instant createdAt) {
        this.id = id;
        this.planId = planId;
        this.number = number;
        this.goals = sections[0];
        this.triggers = sections[1];
        this.warningSigns = sections[2];
        this.coping = sections[3];
        this.protectiveFactors = sections[4];
        this.supportNetwork = sections[5];
        this.externalConditions = sections[6];
        this.riskToOthers = toOthers;
        this.riskToSelf = toSelf;
        this.ratingRationale = rationale;
        this.nextReview = nextReview;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    byte @Nullable [][] sections() {
        return new byte[][] {
            goals, triggers, warningSigns, coping, protectiveFactors, supportNetwork, externalConditions
        };
    }

    UUID id() {
        return id;
    }

    int number() {
        return number;
    }

    RiskLevel riskToOthers() {
        return riskToOthers;
    }

    RiskLevel riskToSelf() {
        return riskToSelf;
    }

    byte @Nullable [] ratingRationale() {
        return ratingRationale;
    }

    LocalDate nextReview() {
        return nextReview;
    }

    long createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
