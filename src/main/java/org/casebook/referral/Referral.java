package org.casebook.referral;

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
import org.casebook.referral.ReferralChoices.ChildAccess;
import org.casebook.referral.ReferralChoices.Concern;
import org.casebook.referral.ReferralChoices.LegalStatus;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralChoices.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * What was learned at intake about a client (same id as the client record). Free text is sealed
 * ({@link ReferralColumns}); the *Match fields are keyed blind indexes for finding possible duplicates.
 */
@Entity
@Table(name = "referral")
class Referral {

    @Id
    private UUID id;

    @Version
    private long version;

    private @Nullable Long teamId;

    @Column(nullable = false)
    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Source source;

    private byte @Nullable [] referrerContact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Concern presentingConcern;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private LegalStatus legalStatus;

    private @Nullable LocalDate arrestedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ChildAccess accessToChildren;

    private boolean childAtRisk;

    @Column(name = "child_details")
    private byte @Nullable [] childDetails;

    private boolean selfHarmRisk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Urgency urgency;

    private byte @Nullable [] summary;

    @Column(length = 64)
    private @Nullable String phoneMatch;

    @Column(length = 64)
    private @Nullable String emailMatch;

    @Column(length = 64)
    private @Nullable String nameYearMatch;

    private boolean matchElsewhere;

    private @Nullable Boolean eligible;

    private byte @Nullable [] triageReason;

    private @Nullable Long triagedBy;

    private @Nullable Instant triagedAt;

    @Column(nullable = false)
    private long receivedBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected Referral() {
        this.id = new UUID(0, 0);
        this.receivedOn = LocalDate.EPOCH;
        this.source = Source.OTHER;
        this.presentingConcern = Concern.OTHER;
        this.legalStatus = LegalStatus.NONE_KNOWN;
        this.accessToChildren = ChildAccess.UNKNOWN;
        this.urgency = Urgency.ROUTINE;
        this.createdAt = Instant.EPOCH;
    }

    Referral(
            UUID id,
            @Nullable Long teamId,
            LocalDate receivedOn,
            Source source,
            Concern presentingConcern,
            LegalStatus legalStatus,
            @Nullable LocalDate arrestedOn,
            ChildAccess accessToChildren,
            boolean selfHarmRisk,
            Urgency urgency,
            long receivedBy,
            Instant createdAt) {
        this.id = id;
        this.teamId = teamId;
        this.receivedOn = receivedOn;
        this.source = source;
        this.presentingConcern = presentingConcern;
        this.legalStatus = legalStatus;
        this.arrestedOn = arrestedOn;
        this.accessToChildren = accessToChildren;
        this.selfHarmRisk = selfHarmRisk;
        this.urgency = urgency;
        this.receivedBy = receivedBy;
        this.createdAt = createdAt;
    }

    void sealedText(byte @Nullable [] referrerContact, byte @Nullable [] summary) {
        this.referrerContact = referrerContact;
        this.summary = summary;
    }

    void childAtRisk(byte[] sealedDetails) {
        this.childAtRisk = true;
        this.childDetails = sealedDetails;
    }

    void matchBy(@Nullable String phone, @Nullable String email, @Nullable String nameYear) {
        this.phoneMatch = phone;
        this.emailMatch = email;
        this.nameYearMatch = nameYear;
    }

    /** The details matched a client the person taking the referral may not open: a flag for triage. */
    void matchesElsewhere() {
        this.matchElsewhere = true;
    }

    boolean matchElsewhere() {
        return matchElsewhere;
    }

    void triaged(boolean isEligible, byte @Nullable [] sealedReason, long by, Instant at) {
        this.eligible = isEligible;
        this.triageReason = sealedReason;
        this.triagedBy = by;
        this.triagedAt = at;
    }

    UUID id() {
        return id;
    }

    @Nullable
    Long teamId() {
        return teamId;
    }

    LocalDate receivedOn() {
        return receivedOn;
    }

    Source source() {
        return source;
    }

    byte @Nullable [] referrerContact() {
        return referrerContact;
    }

    Concern presentingConcern() {
        return presentingConcern;
    }

    LegalStatus legalStatus() {
        return legalStatus;
    }

    @Nullable
    LocalDate arrestedOn() {
        return arrestedOn;
    }

    ChildAccess accessToChildren() {
        return accessToChildren;
    }

    boolean childAtRisk() {
        return childAtRisk;
    }

    byte @Nullable [] childDetails() {
        return childDetails;
    }

    boolean selfHarmRisk() {
        return selfHarmRisk;
    }

    Urgency urgency() {
        return urgency;
    }

    byte @Nullable [] summary() {
        return summary;
    }

    @Nullable
    Boolean eligible() {
        return eligible;
    }

    byte @Nullable [] triageReason() {
        return triageReason;
    }

    @Nullable
    Instant triagedAt() {
        return triagedAt;
    }
}
