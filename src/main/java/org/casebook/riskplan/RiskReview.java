package org.casebook.riskplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** A structured review of the dynamic risk areas, each rated 0 to 2 with a sealed comment. Kept over time. */
@Entity
@Immutable
@Table(name = "risk_review")
class RiskReview {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private LocalDate reviewedOn;

    private int socialInfluences;
    private int intimacyDeficits;
    private int sexualSelfRegulation;
    private int generalSelfRegulation;
    private int cooperation;

    private byte @Nullable [] socialInfluencesComment;
    private byte @Nullable [] intimacyDeficitsComment;
    private byte @Nullable [] sexualSelfRegulationComment;
    private byte @Nullable [] generalSelfRegulationComment;
    private byte @Nullable [] cooperationComment;

    @Column(nullable = false)
    private LocalDate nextReview;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected RiskReview() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.reviewedOn = LocalDate.EPOCH;
        this.nextReview = LocalDate.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    RiskReview(
            UUID id,
            UUID clientId,
            LocalDate reviewedOn,
            int[] scores,
            byte @Nullable [][] comments,
            LocalDate nextReview,
            long createdBy,
            Instant createdAt) {
        this.id = id;
        this.clientId = clientId;
        this.reviewedOn = reviewedOn;
        this.socialInfluences = scores[0];
        this.intimacyDeficits = scores[1];
        this.sexualSelfRegulation = scores[2];
        this.generalSelfRegulation = scores[3];
        this.cooperation = scores[4];
        this.socialInfluencesComment = comments[0];
        this.intimacyDeficitsComment = comments[1];
        this.sexualSelfRegulationComment = comments[2];
        this.generalSelfRegulationComment = comments[3];
        this.cooperationComment = comments[4];
        this.nextReview = nextReview;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    int[] scores() {
        return new int[] {socialInfluences, intimacyDeficits, sexualSelfRegulation, generalSelfRegulation, cooperation};
    }

    byte @Nullable [][] comments() {
        return new byte[][] {
            socialInfluencesComment,
            intimacyDeficitsComment,
            sexualSelfRegulationComment,
            generalSelfRegulationComment,
            cooperationComment
        };
    }

    UUID id() {
        return id;
    }

    LocalDate reviewedOn() {
        return reviewedOn;
    }

    LocalDate nextReview() {
        return nextReview;
    }

    long createdBy() {
        return createdBy;
    }
}
