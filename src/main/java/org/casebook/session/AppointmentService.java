package org.casebook.session;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientRecords;
import org.casebook.encryption.FieldEncryption;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Booking appointments, listing them and recording what became of them. */
@Service
@Transactional
@RolesAllowed({org.casebook.security.Roles.COUNSELLOR, org.casebook.security.Roles.SUPERVISOR})
public class AppointmentService {

    public static final int MIN_MINUTES = 10;
    public static final int MAX_MINUTES = 240;
    public static final String START_NEEDED = "Choose the date and time of the appointment.";
    public static final String DURATION_RANGE =
            "A session lasts between " + MIN_MINUTES + " and " + MAX_MINUTES + " minutes.";
    public static final String MODALITY_NEEDED = "Choose how the session takes place.";
    public static final String LOCATION_NEEDED = "Say where the in-person session takes place.";
    public static final String NOT_BOOKABLE =
            "Appointments can be booked only once the client is assigned to a counsellor, "
                    + "and not after the case is closed.";
    public static final String NOT_YET = "This appointment has not started yet: record attendance once it has.";
    static final Duration OVERDUE_AFTER = Duration.ofHours(72);

    private final CharityClock charity;
    private final BookingChecks checks;
    private final ReminderService reminders;
    private final AppointmentRepository appointments;
    private final SessionNoteRepository notes;
    private final SessionAccess access;
    private final ClientRecords records;
    private final FieldEncryption encryption;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    AppointmentService(
            AppointmentRepository appointments,
            SessionNoteRepository notes,
            SessionAccess access,
            ClientRecords records,
            FieldEncryption encryption,
            AuditLog audit,
            Clock clock,
            @Value("${casebook.time-zone}") ZoneId zone,
            CharityClock charity,
            BookingChecks checks,
            ReminderService reminders) {
        this.reminders = reminders;
        this.charity = charity;
        this.checks = checks;
        this.appointments = appointments;
        this.notes = notes;
        this.access = access;
        this.records = records;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Books an appointment with the client's counsellor. When it overlaps another appointment of that
     * counsellor, it is booked only if {@code overlapConfirmed}; otherwise {@link OverlapNeedsConfirmation}
     * lists the clashes and nothing is saved.
     *
     * @throws IllegalArgumentException with a message for the person when an input is missing or wrong
     */
    public AppointmentRow book(String clientCode, NewAppointment details, boolean overlapConfirmed) {
        return book(clientCode, details, overlapConfirmed, false);
    }

    /**
     * Books an appointment as {@link #book(String, NewAppointment, boolean)} does; when the counsellor has set
     * working hours and it falls outside them, it is booked only if {@code outsideHoursConfirmed}, otherwise
     * {@link OutsideWorkingHours} says so and nothing is saved.
     */
    public AppointmentRow book(
            String clientCode, NewAppointment details, boolean overlapConfirmed, boolean outsideHoursConfirmed) {
        var client = access.change(clientCode, "appointment");
        if (client.status() != CaseStatus.ASSIGNED && client.status() != CaseStatus.ACTIVE
                || client.counsellorId() == null) {
            throw new IllegalStateException(NOT_BOOKABLE);
        }
        checks.validate(details);
        var start = details.start().atZone(zone).toInstant();
        var end = start.plus(Duration.ofMinutes(details.durationMinutes()));
        var clashes = appointments.findOverlapping(client.counsellorId(), start, end);
        if (clashes.isEmpty() || overlapConfirmed) {
            checks.check(
                    client.counsellorId(),
                    List.of(details.start()),
                    Duration.ofMinutes(details.durationMinutes()),
                    java.util.Set.of(),
                    true,
                    outsideHoursConfirmed);
        }
        if (!clashes.isEmpty() && !overlapConfirmed) {
            // Clashes may be with other clients: show them by code only, and only their times.
            throw new OverlapNeedsConfirmation(clashes.stream()
                    .map(a -> new AppointmentRow(
                            a.id(),
                            a.clientCode(),
                            a.startsAt(),
                            a.endsAt(),
                            a.modality(),
                            null,
                            a.outcome(),
                            NoteState.NONE,
                            false))
                    .toList());
        }
        var id = UUID.randomUUID();
        var place = details.modality() == Modality.IN_PERSON
                ? encryption.seal(details.location().strip(), SessionColumns.LOCATION.forRow(id))
                : null;
        var appointment = appointments.save(new Appointment(
                id,
                client.id().value(),
                client.code(),
                client.counsellorId(),
                start,
                end,
                details.modality(),
                place,
                access.user().accountId(),
                clock.instant()));
        reminders.plan(appointment);
        audit.record(AuditEvent.of(AuditAction.CREATE, "appointment", id.toString())
                .forClient(client.code())
                .because(clashes.isEmpty() ? null : "overlap confirmed"));
        return row(appointment, NoteState.NONE);
    }

    /** The appointments of one client, newest first, with the state of each note. Audited as a view (a write). */
    @Transactional
    public List<AppointmentRow> ofClient(String clientCode) {
        var client = access.read(clientCode);
        var found = appointments.findByClientIdOrderByStartsAtDesc(client.id().value());
        access.recordView(
                client,
                AuditEvent.of(AuditAction.VIEW, "appointments", client.code()).forClient(client.code()));
        return withNotes(found);
    }

    /** The signed-in person's own coming appointments (not cancelled), soonest first, at most {@code limit}. */
    public List<AppointmentRow> myUpcoming(int limit) {
        var found = appointments.findUpcoming(
                access.user().accountId(), clock.instant(), PageRequest.of(0, Math.max(1, Math.min(limit, 100))));
        // A client since reassigned (or from whom the person is now excluded) drops out of the list.
        var rows =
                access.visible(found).stream().map(a -> row(a, NoteState.NONE)).toList();
        access.recordListed(
                "upcoming-appointments",
                rows.stream().map(AppointmentRow::clientCode).toList());
        return rows;
    }

    /**
     * Records the outcome of an appointment. Attended and did-not-attend only once it has started; a
     * cancellation at any time. The first attended session makes the case active.
     */
    public OutcomeRecorded recordOutcome(UUID appointmentId, Attendance outcome) {
        var appointment = access.appointment(appointments, appointmentId, "appointment");
        var client = access.change(appointment, "appointment");
        if (outcome == null) {
            throw new InvalidFields("outcome", "Choose what happened.");
        }
        if (outcome.needsTimeToHavePassed() && appointment.startsAt().isAfter(clock.instant())) {
            throw new IllegalStateException(NOT_YET);
        }
        if (notes.findByAppointmentId(appointmentId).isPresent()) {
            throw new IllegalStateException("This session already has a note, so its attendance stays as recorded.");
        }
        appointment.record(outcome, clock.instant());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "appointment", appointmentId.toString())
                .forClient(client.code())
                .because("outcome " + outcome.name()));
        boolean first = outcome == Attendance.ATTENDED && client.status() == CaseStatus.ASSIGNED;
        if (first) {
            records.moveTo(client.id(), CaseStatus.ACTIVE, "first session held");
        }
        return new OutcomeRecorded(client.code(), outcome, first);
    }

    private List<AppointmentRow> withNotes(List<Appointment> found) {
        Map<UUID, SessionNote> byAppointment =
                notes.findByAppointmentIdIn(found.stream().map(Appointment::id).toList()).stream()
                        .collect(Collectors.toMap(SessionNote::appointmentId, Function.identity()));
        return found.stream().map(a -> row(a, state(byAppointment.get(a.id())))).toList();
    }

    static NoteState state(@Nullable SessionNote note) {
        if (note == null) {
            return NoteState.NONE;
        }
        if (note.coSignedAt() != null) {
            return NoteState.CO_SIGNED;
        }
        return note.isSigned() ? NoteState.SIGNED : NoteState.DRAFT;
    }

    private AppointmentRow row(Appointment a, NoteState note) {
        boolean overdue = a.outcome() == Attendance.ATTENDED
                && (note == NoteState.NONE || note == NoteState.DRAFT)
                && a.startsAt().plus(OVERDUE_AFTER).isBefore(clock.instant());
        return new AppointmentRow(
                a.id(),
                a.clientCode(),
                a.startsAt(),
                a.endsAt(),
                a.modality(),
                encryption.open(a.location(), SessionColumns.LOCATION.forRow(a.id())),
                a.outcome(),
                note,
                overdue);
    }
}
