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

/**
 * A client and the state of their case. Personal details are sealed ({@code byte[]}, see
 * {@link ClientColumns}); the client code, status and assignment are in clear because lists and
 * need-to-know are built on them.
 */
@Entity
@Table(name = "client")
class Client {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 12)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseStatus status;

    private @Nullable Long teamId;

    private @Nullable Long counsellorId;

    @Column(nullable = false)
    private LocalDate receivedOn;

    /** 1 is most urgent; set when the case joins the waiting list. */
    private @Nullable Integer priority;

    @Column(nullable = false)
    private byte[] preferredName;

    private @Nullable Integer yearOfBirth;

    @Column(length = 8)
    private @Nullable String postcodeDistrict;

    private byte @Nullable [] phone;
    private byte @Nullable [] email;
    private byte @Nullable [] postalAddress;

    private boolean voicemailOk;
    private boolean textOk;
    private boolean letterOk;
    private boolean emailOk;
    private byte @Nullable [] bestTimes;
    private byte @Nullable [] contactNotes;

    private @Nullable LocalDate closedOn;

    @Column(length = 30)
    private @Nullable String closureReason;

    private byte @Nullable [] closingSummary;

    /** Set when the record was anonymised (retention or an erasure decision): nobody opens it again. */
    private @Nullable LocalDate anonymisedOn;

    @Column(nullable = false)
    private Instant createdAt;

    protected Client() {
        this.id = new UUID(0, 0);
        this.code = "";
        this.status = CaseStatus.RECEIVED;
        this.receivedOn = LocalDate.EPOCH;
        this.preferredName = new byte[0];
        this.createdAt = Instant.EPOCH;
    }

    Client(UUID id, String code, LocalDate receivedOn, byte[] preferredName, @Nullable Long teamId, Instant createdAt) {
        this.id = id;
        this.code = code;
        this.status = CaseStatus.RECEIVED;
        this.receivedOn = receivedOn;
        this.preferredName = preferredName;
        this.teamId = teamId;
        this.createdAt = createdAt;
    }

    ClientId clientId() {
        return new ClientId(id);
    }

    UUID id() {
        return id;
    }

    long version() {
        return version;
    }

    String code() {
        return code;
    }

    CaseStatus status() {
        return status;
    }

    /** Moves the case on; the caller has checked that the move is allowed. */
    void moveTo(CaseStatus next) {
        this.status = next;
    }

    @Nullable
    Long teamId() {
        return teamId;
    }

    @Nullable
    Long counsellorId() {
        return counsellorId;
    }

    void assignTo(@Nullable Long counsellorId, @Nullable Long teamId) {
        this.counsellorId = counsellorId;
        this.teamId = teamId;
    }

    LocalDate receivedOn() {
        return receivedOn;
    }

    @Nullable
    Integer priority() {
        return priority;
    }

    void prioritise(@Nullable Integer priority) {
        this.priority = priority;
    }

    byte[] preferredName() {
        return preferredName;
    }

    @Nullable
    Integer yearOfBirth() {
        return yearOfBirth;
    }

    @Nullable
    String postcodeDistrict() {
        return postcodeDistrict;
    }

    void identify(byte[] preferredName, @Nullable Integer yearOfBirth, @Nullable String postcodeDistrict) {
        this.preferredName = preferredName;
        this.yearOfBirth = yearOfBirth;
        this.postcodeDistrict = postcodeDistrict;
    }

    byte @Nullable [] phone() {
        return phone;
    }

    byte @Nullable [] email() {
        return email;
    }

    byte @Nullable [] postalAddress() {
        return postalAddress;
    }

    boolean voicemailOk() {
        return voicemailOk;
    }

    boolean textOk() {
        return textOk;
    }

    boolean letterOk() {
        return letterOk;
    }

    boolean emailOk() {
        return emailOk;
    }

    byte @Nullable [] bestTimes() {
        return bestTimes;
    }

    byte @Nullable [] contactNotes() {
        return contactNotes;
    }

    void contactBy(
            byte @Nullable [] phone,
            byte @Nullable [] email,
            byte @Nullable [] postalAddress,
            boolean voicemailOk,
            boolean textOk,
            boolean letterOk,
            boolean emailOk,
            byte @Nullable [] bestTimes,
            byte @Nullable [] contactNotes) {
        this.phone = phone;
        this.email = email;
        this.postalAddress = postalAddress;
        this.voicemailOk = voicemailOk;
        this.textOk = textOk;
        this.letterOk = letterOk;
        this.emailOk = emailOk;
        this.bestTimes = bestTimes;
        this.contactNotes = contactNotes;
    }

    @Nullable
    LocalDate closedOn() {
        return closedOn;
    }

    @Nullable
    String closureReason() {
        return closureReason;
    }

    byte @Nullable [] closingSummary() {
        return closingSummary;
    }

    void close(LocalDate on, String reason, byte[] summary) {
        this.status = CaseStatus.CLOSED;
        this.closedOn = on;
        this.closureReason = reason;
        this.closingSummary = summary;
    }

    @Nullable
    LocalDate anonymisedOn() {
        return anonymisedOn;
    }

    Instant createdAt() {
        return createdAt;
    }
}
