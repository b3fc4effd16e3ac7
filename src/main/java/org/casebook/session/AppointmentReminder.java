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

/**
 * One reminder of one appointment on one channel and what became of it: never the message text or the
 * address, only the state, the attempts and the category of the last error.
 */
@Entity
@Table(name = "appointment_reminder")
class AppointmentReminder {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false)
    private UUID appointmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ReminderChannel channel;

    @Column(nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ReminderState state;

    @Column(length = 40)
    private @Nullable String reason;

    private int attempts;

    @Column(length = 40)
    private @Nullable String lastError;

    private @Nullable Instant nextAttemptAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected AppointmentReminder() {
        this.id = new UUID(0, 0);
        this.appointmentId = id;
        this.channel = ReminderChannel.EMAIL;
        this.dueAt = Instant.EPOCH;
        this.state = ReminderState.PENDING;
        this.updatedAt = Instant.EPOCH;
    }

    AppointmentReminder(UUID appointmentId, ReminderChannel channel, Instant dueAt, Instant now) {
        this.id = UUID.randomUUID();
        this.appointmentId = appointmentId;
        this.channel = channel;
        this.dueAt = dueAt;
        this.state = ReminderState.PENDING;
        this.nextAttemptAt = dueAt;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    ReminderChannel channel() {
        return channel;
    }

    Instant dueAt() {
        return dueAt;
    }

    ReminderState state() {
        return state;
    }

    @Nullable
    String reason() {
        return reason;
    }

    int attempts() {
        return attempts;
    }

    @Nullable
    String lastError() {
        return lastError;
    }

    @Nullable
    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    boolean open() {
        return state == ReminderState.PENDING || state == ReminderState.RETRYING;
    }

    /** A new due time, while it has not been sent or settled. */
    void reschedule(Instant due, Instant now) {
        this.dueAt = due;
        this.state = ReminderState.PENDING;
        this.reason = null;
        this.attempts = 0;
        this.lastError = null;
        this.nextAttemptAt = due;
        this.updatedAt = now;
    }

    void sent(Instant now) {
        this.attempts++;
        this.state = ReminderState.SENT;
        this.nextAttemptAt = null;
        this.updatedAt = now;
    }

    void suppressed(String why, Instant now) {
        this.state = ReminderState.SUPPRESSED;
        this.reason = why;
        this.nextAttemptAt = null;
        this.updatedAt = now;
    }

    /** A failed attempt: tried again at {@code retryAt}, or failed for good when that is null. */
    void attemptFailed(String errorCategory, @Nullable Instant retryAt, Instant now) {
        this.attempts++;
        this.lastError = errorCategory;
        this.state = retryAt == null ? ReminderState.FAILED : ReminderState.RETRYING;
        this.nextAttemptAt = retryAt;
        this.updatedAt = now;
    }
}
