package org.casebook.riskplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** An agreed action, as one version of a plan recorded it. */
@Entity
@Immutable
@Table(name = "risk_plan_action")
class RiskPlanAction {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID versionId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private byte[] what;

    private byte @Nullable [] who;

    private @Nullable LocalDate dueOn;

    private boolean done;

    protected RiskPlanAction() {
        this.id = new UUID(0, 0);
        this.versionId = id;
        this.what = new byte[0];
    }

    RiskPlanAction(
            UUID id,
            UUID versionId,
            int position,
            byte[] what,
            byte @Nullable [] who,
            @Nullable LocalDate dueOn,
            boolean done) {
        this.id = id;
        this.versionId = versionId;
        this.position = position;
        this.what = what;
        this.who = who;
        this.dueOn = dueOn;
        this.done = done;
    }

    UUID id() {
        return id;
    }

    byte[] what() {
        return what;
    }

    byte @Nullable [] who() {
        return who;
    }

    @Nullable
    LocalDate dueOn() {
        return dueOn;
    }

    boolean done() {
        return done;
    }
}
