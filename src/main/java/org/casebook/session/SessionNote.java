package org.casebook.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The note of one attended session: six sealed sections; once signed, never changed again. */
@Entity
@Table(name = "session_note")
class SessionNote {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false, unique = true)
    private UUID appointmentId;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false, length = 12)
    private String clientCode;

    @Column(nullable = false)
    private long authorId;

    private byte @Nullable [] presentation;
    private byte @Nullable [] themes;
    private byte @Nullable [] riskObservations;
    private byte @Nullable [] interventions;
    private byte @Nullable [] agreedActions;
    private byte @Nullable [] nextPlan;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private @Nullable RiskAnswer riskChanged;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private @Nullable Instant signedAt;

    private @Nullable Long coSignedBy;

    private @Nullable Instant coSignedAt;

    private byte @Nullable [] coSignComment;

    protected SessionNote() {
        this.id = new UUID(0, 0);
        this.appointmentId = id;
        this.clientId = id;
        this.clientCode = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    SessionNote(UUID id, UUID appointmentId, UUID clientId, String clientCode, long authorId, Instant now) {
        this.id = id;
        this.appointmentId = appointmentId;
        this.clientId = clientId;
        this.clientCode = clientCode;
        this.authorId = authorId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    long version() {
        return version;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    String clientCode() {
        return clientCode;
    }

    long authorId() {
        return authorId;
    }

    byte @Nullable [] presentation() {
        return presentation;
    }

    byte @Nullable [] themes() {
        return themes;
    }

    byte @Nullable [] riskObservations() {
        return riskObservations;
    }

    byte @Nullable [] interventions() {
        return interventions;
    }

    byte @Nullable [] agreedActions() {
        return agreedActions;
    }

    byte @Nullable [] nextPlan() {
        return nextPlan;
    }

    @Nullable
    RiskAnswer riskChanged() {
        return riskChanged;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    @Nullable
    Instant signedAt() {
        return signedAt;
    }

    boolean isSigned() {
        return signedAt != null;
    }

    @Nullable
    Long coSignedBy() {
        return coSignedBy;
    }

    @Nullable
    Instant coSignedAt() {
        return coSignedAt;
    }

    byte @Nullable [] coSignComment() {
        return coSignComment;
    }

    void write(
            byte @Nullable [] presentation,
            byte @Nullable [] themes,
            byte @Nullable [] riskObservations,
            byte @Nullable [] interventions,
            byte @Nullable [] agreedActions,
            byte @Nullable [] nextPlan,
            @Nullable RiskAnswer riskChanged,
            Instant now) {
        requireUnsigned();
        this.presentation = presentation;
        this.themes = themes;
        this.riskObservations = riskObservations;
        this.interventions = interventions;
        this.agreedActions = agreedActions;
        this.nextPlan = nextPlan;
        this.riskChanged = riskChanged;
        this.updatedAt = now;
    }

    void sign(Instant now) {
        requireUnsigned();
        this.signedAt = now;
        this.updatedAt = now;
    }

    void coSign(long supervisorId, byte @Nullable [] comment, Instant now) {
        if (signedAt == null) {
            throw new NoteLocked("The author signs a note before a supervisor co-signs it.");
        }
        if (coSignedAt != null) {
            throw new NoteLocked("This note has already been co-signed.");
        }
        this.coSignedBy = supervisorId;
        this.coSignComment = comment;
        this.coSignedAt = now;
    }

    private void requireUnsigned() {
        if (signedAt != null) {
            throw new NoteLocked(NoteLocked.SIGNED);
        }
    }
}
