package org.casebook.session;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointment reminders: planned when an appointment is booked (by default the day before, at
 * {@code casebook.reminders.day-before-at} in the charity's zone), moved by the counsellor, and listed with
 * what became of each. Sending is {@link ReminderDelivery}'s job.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ReminderService {

    public static final String REMIND_BEFORE_START = "The reminder must be before the appointment starts.";

    private final AppointmentReminderRepository reminders;
    private final AppointmentRepository appointments;
    private final SessionAccess access;
    private final ReminderSettings settings;
    private final CharityClock charity;
    private final AuditLog audit;

    ReminderService(
            AppointmentReminderRepository reminders,
            AppointmentRepository appointments,
            SessionAccess access,
            ReminderSettings settings,
            CharityClock charity,
            AuditLog audit) {
        this.reminders = reminders;
        this.appointments = appointments;
        this.access = access;
        this.settings = settings;
        this.charity = charity;
        this.audit = audit;
    }

    /** The default reminder time of an appointment starting at {@code startsAt}: the day before, at the set hour. */
    public Instant defaultTime(Instant startsAt) {
        var day = charity.dateOf(startsAt).minusDays(1);
        return day.atTime(settings.dayBeforeAt()).atZone(charity.zone()).toInstant();
    }

    /** Plans the reminders of a new appointment (one per channel), at its default time. Inside booking only. */
    void plan(Appointment appointment) {
        var now = charity.now().toInstant();
        var due = defaultTime(appointment.startsAt());
        appointment.remindAt(due);
        for (var channel : ReminderChannel.values()) {
            reminders.save(new AppointmentReminder(appointment.id(), channel, due, now));
        }
    }

    /** Moves the reminders not yet sent of a rescheduled appointment by the same amount. Inside rescheduling only. */
    void moved(Appointment appointment, java.time.Duration shift) {
        var now = charity.now().toInstant();
        var due = appointment.remindAt() == null
                ? defaultTime(appointment.startsAt())
                : appointment.remindAt().plus(shift);
        appointment.remindAt(due);
        for (var reminder : reminders.findByAppointmentIdOrderByChannel(appointment.id())) {
            if (reminder.state() != ReminderState.SENT) {
                reminder.reschedule(due, now);
            }
        }
    }

    /** The reminders of one appointment, with what became of each. Audited as a view. */
    public List<ReminderRow> ofAppointment(UUID appointmentId) {
        var appointment = access.appointment(appointments, appointmentId, "appointment-reminder");
        var client = access.read(appointment, "appointment-reminder");
        audit.record(AuditEvent.of(AuditAction.VIEW, "appointment-reminder", appointmentId.toString())
                .forClient(client.code()));
        return reminders.findByAppointmentIdOrderByChannel(appointmentId).stream()
                .map(r -> row(r, appointment))
                .toList();
    }

    /** The reminders of every appointment of one client, by appointment. Audited as one view. */
    public java.util.Map<UUID, List<ReminderRow>> ofClient(String clientCode) {
        var client = access.read(clientCode);
        var found = appointments.findByClientIdOrderByStartsAtDesc(client.id().value());
        var byId = found.stream().collect(java.util.stream.Collectors.toMap(Appointment::id, a -> a));
        audit.record(AuditEvent.of(AuditAction.VIEW, "appointment-reminder", client.code())
                .forClient(client.code()));
        return reminders.findByAppointmentIdIn(byId.keySet()).stream()
                .sorted(java.util.Comparator.comparing(AppointmentReminder::channel))
                .map(r -> row(r, byId.get(r.appointmentId())))
                .collect(java.util.stream.Collectors.groupingBy(ReminderRow::appointmentId));
    }

    /**
     * Moves the reminders of an appointment that have not been sent or settled to {@code at} (the charity's
     * local time), or back to the default when {@code at} is null.
     *
     * @throws IllegalArgumentException when the time is not before the appointment
     */
    public Instant setReminderTime(UUID appointmentId, @org.jspecify.annotations.Nullable LocalDateTime at) {
        var appointment = access.appointment(appointments, appointmentId, "appointment-reminder");
        var client = access.change(appointment, "appointment-reminder");
        var due = at == null
                ? defaultTime(appointment.startsAt())
                : at.atZone(charity.zone()).toInstant();
        if (!due.isBefore(appointment.startsAt())) {
            throw new IllegalArgumentException(REMIND_BEFORE_START);
        }
        var now = charity.now().toInstant();
        appointment.remindAt(due);
        var existing = reminders.findByAppointmentIdOrderByChannel(appointmentId);
        for (var channel : ReminderChannel.values()) {
            var found = existing.stream().filter(r -> r.channel() == channel).findFirst();
            if (found.isEmpty()) {
                reminders.save(new AppointmentReminder(appointmentId, channel, due, now));
            } else if (found.get().state() != ReminderState.SENT) {
                found.get().reschedule(due, now);
            }
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "appointment-reminder", appointmentId.toString())
                .forClient(client.code())
                .because("reminder time set"));
        return due;
    }

    /** The signed-in counsellor's reminders that failed for appointments still to come, for their to-do list. */
    @Transactional(readOnly = true)
    public List<ReminderRow> myFailed() {
        var now = charity.now().toInstant();
        return reminders.findFailedFor(access.user().accountId(), now).stream()
                .map(r -> row(r, appointments.findById(r.appointmentId()).orElseThrow()))
                .toList();
    }

    private static ReminderRow row(AppointmentReminder r, Appointment appointment) {
        return new ReminderRow(
                r.appointmentId(),
                appointment.clientCode(),
                r.channel(),
                r.dueAt(),
                r.state(),
                r.reason(),
                r.attempts(),
                r.lastError(),
                appointment.startsAt());
    }
}
