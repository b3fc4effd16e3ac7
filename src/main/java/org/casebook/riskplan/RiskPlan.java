package org.casebook.riskplan;

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
import org.casebook.client.RiskLevel;

/** The head of a client's plan: which version is current, the current ratings and the next review date. */
@Entity
@Table(name = "risk_plan")
class RiskPlan {

    @Id
    private UUID id;

    @Version
    private @org.jspecify.annotations.Nullable Long version;

    @Column(nullable = false, unique = true)
    private UUID clientId;

    @Column(nullable = false)
    private int currentNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RiskLevel riskToOthers;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RiskLevel riskToSelf;

    @Column(nullable = false)
    private LocalDate nextReview;

    @Column(nullable = false)
    private long updatedBy;

    @Column(nullable = false)
    private Instant updatedAt;

    protected RiskPlan() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.riskToOthers = RiskLevel.LOW;
        this.riskToSelf = RiskLevel.LOW;
        this.nextReview = LocalDate.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    RiskPlan(UUID clientId) {
        this();
        this.id = UUID.randomUUID();
        this.clientId = clientId;
    }

    void advance(int number, RiskLevel toOthers, RiskLevel toSelf, LocalDate nextReview, long by, Instant at) {
        this.currentNumber = number;
        this.riskToOthers = toOthers;
        this.riskToSelf = toSelf;
        this.nextReview = nextReview;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    void reviewed(LocalDate nextReview, long by, Instant at) {
        this.nextReview = nextReview;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    int currentNumber() {
        return currentNumber;
    }

    RiskLevel riskToOthers() {
        return riskToOthers;
    }

    RiskLevel riskToSelf() {
        return riskToSelf;
    }

    LocalDate nextReview() {
        return nextReview;
    }

    long updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
