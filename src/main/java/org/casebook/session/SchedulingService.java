package org.casebook.session;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseStatus;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffMember;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar side of appointments: each counsellor's working hours, the appointments of a period (one's
 * own, or for a supervisor their team's), recurring series, and moving appointments (one, or one and all
 * following in its series). Every booking and move asks first when it overlaps another appointment of the
 * counsellor ({@link OverlapNeedsConfirmation}) or falls outside their working hours
 * ({@link OutsideWorkingHours}); cancelling one appointment of a series leaves the others as they are.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class SchedulingService {

    public static final String NOT_YOUR_CALENDAR = "You can see your own calendar and, as a supervisor, your team's.";
    public static final String FREQUENCY_NEEDED = "Choose how often it repeats.";
    public static final String SESSIONS_OR_UNTIL = "Give either the number of sessions or the last date, not both.";
    public static final String TOO_MANY = "A series has at most " + Recurrence.MAX_SESSIONS + " sessions.";
    public static final String SESSIONS_RANGE = "A series has between 2 and " + Recurrence.MAX_SESSIONS + " sessions.";
    public static final String UNTIL_BEFORE_START = "The last date is before the first session.";
    public static final String ALREADY_HAPPENED = "This appointment's outcome is recorded, so it stays where it was.";
    public static final String HOURS_ORDER = "The end of the working day must come after its start.";
    static final int MAX_DAYS = 62;

    private final ReminderService reminders;
    private final AppointmentRepository appointments;
    private final WorkingHoursRepository hours;
    private final BookingChecks checks;
    private final SessionAccess access;
    private final StaffDirectory staff;
    private final FieldEncryption encryption;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;
    private final ZoneId zone;

    SchedulingService(
            AppointmentRepository appointments,
            WorkingHoursRepository hours,
            BookingChecks checks,
            SessionAccess access,
            StaffDirectory staff,
            FieldEncryption encryption,
            AuditLog audit,
            Clock clock,
            CharityClock charity,
            @Value("${casebook.time-zone}") ZoneId zone,
            ReminderService reminders) {
        this.reminders = reminders;
        this.appointments = appointments;
        this.hours = hours;
        this.checks = checks;
        this.access = access;
        this.staff = staff;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
        this.zone = zone;
    }

    /** The counsellors whose calendars the signed-in supervisor sees beside their own (their teams'). */
    @Transactional(readOnly = true)
    public List<StaffMember> team() {
        var me = access.user();
        if (!me.hasRole(Role.SUPERVISOR)) {
            return List.of();
        }
        return staff.activeCounsellorsIn(staff.teamsLedBy(me.accountId())).stream()
                .filter(m -> m.id() != me.accountId())
                .toList();
    }

    /**
     * A counsellor's appointments starting from {@code from} up to (not including) {@code to}, for the
     * signed-in counsellor themselves or their supervisor; clients the person may not see are left out.
     * Audited as a list view naming the codes shown.
     */
    public List<CalendarAppointment> calendar(long counsellorId, LocalDate from, LocalDate to) {
        requireCalendarOf(counsellorId);
        if (to.isBefore(from)
                || Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() > MAX_DAYS) {
            throw new InvalidFields("to", "Show at most " + MAX_DAYS + " days at once.");
        }
        var found = access.visible(appointments.findStartingBetween(counsellorId, at(from), at(to)));
        access.recordListed(
                "calendar", found.stream().map(Appointment::clientCode).toList());
        return found.stream()
                .map(a -> new CalendarAppointment(
                        a.id(),
                        a.clientCode(),
                        a.startsAt(),
                        a.endsAt(),
                        a.modality(),
                        a.outcome(),
                        a.seriesId(),
                        a.counsellorId()))
                .toList();
    }

    /** A counsellor's working hours: their own, or for their supervisor. Empty when none are set. */
    @Transactional(readOnly = true)
    public List<DayHours> workingHours(long counsellorId) {
        requireCalendarOf(counsellorId);
        return hours.findOf(counsellorId).stream()
                .map(w -> new DayHours(DayOfWeek.of(w.dayOfWeek()), w.startsAt(), w.endsAt()))
                .toList();
    }

    /** Replaces the signed-in person's working hours (an empty list: none, so nothing is checked). */
    public void setMyWorkingHours(List<DayHours> days) {
        var seen = EnumSet.noneOf(DayOfWeek.class);
        for (var day : days) {
            if (day.from() == null || day.to() == null || !day.from().isBefore(day.to())) {
                throw new InvalidFields(day.day().name().toLowerCase(java.util.Locale.ROOT), HOURS_ORDER);
            }
            if (!seen.add(day.day())) {
                throw new InvalidFields("days", "Each day has one span of working hours.");
            }
        }
        var me = access.user().accountId();
        hours.deleteOf(me);
        hours.flush();
        days.forEach(d -> hours.save(new WorkingHours(me, d.day().getValue(), d.from(), d.to())));
        audit.record(AuditEvent.of(AuditAction.UPDATE, "working-hours", Long.toString(me)));
    }

    /**
     * Books a series: the first appointment as given, then every week or fortnight, for a number of sessions or
     * until a date. Asks first about overlaps and working hours, for the whole series at once.
     *
     * @throws InvalidFields naming {@code frequency}, {@code sessions} or {@code until}
     */
    public List<AppointmentRow> bookSeries(
            String clientCode,
            NewAppointment first,
            Recurrence rule,
            boolean overlapConfirmed,
            boolean hoursConfirmed) {
        var client = access.change(clientCode, "appointment");
        if (client.status() != CaseStatus.ASSIGNED && client.status() != CaseStatus.ACTIVE
                || client.counsellorId() == null) {
            throw new IllegalStateException(AppointmentService.NOT_BOOKABLE);
        }
        checks.validate(first);
        var starts = occurrences(Objects.requireNonNull(first.start()), rule);
        var length = Duration.ofMinutes(first.durationMinutes());
        long counsellor = Objects.requireNonNull(client.counsellorId());
        checks.check(counsellor, starts, length, Set.of(), overlapConfirmed, hoursConfirmed);
        var series = UUID.randomUUID();
        var rows = new ArrayList<AppointmentRow>();
        for (var start : starts) {
            var id = UUID.randomUUID();
            var place = first.modality() == Modality.IN_PERSON
                    ? encryption.seal(
                            Objects.requireNonNull(first.location()).strip(), SessionColumns.LOCATION.forRow(id))
                    : null;
            var at = start.atZone(zone).toInstant();
            var saved = appointments.save(new Appointment(
                            id,
                            client.id().value(),
                            client.code(),
                            counsellor,
                            at,
                            at.plus(length),
                            Objects.requireNonNull(first.modality()),
                            place,
                            access.user().accountId(),
                            clock.instant())
                    .inSeries(series));
            reminders.plan(saved);
            rows.add(new AppointmentRow(
                    saved.id(),
                    saved.clientCode(),
                    saved.startsAt(),
                    saved.endsAt(),
                    saved.modality(),
                    first.location(),
                    null,
                    NoteState.NONE,
                    false));
        }
        audit.record(AuditEvent.of(AuditAction.CREATE, "appointment-series", series.toString())
                .forClient(client.code())
                .because(starts.size() + " appointments"));
        return rows;
    }

    /**
     * Moves an appointment to a new start, keeping its length; with {@code allFollowing}, the later appointments
     * of its series (those without an outcome) move by the same amount. Overlaps and working hours are asked
     * about first, counting only other appointments.
     */
    public void reschedule(
            UUID appointmentId,
            @Nullable LocalDateTime newStart,
            boolean allFollowing,
            boolean overlapConfirmed,
            boolean hoursConfirmed) {
        var appointment = access.appointment(appointments, appointmentId, "appointment");
        var client = access.change(appointment, "appointment");
        if (newStart == null) {
            throw new InvalidFields("start", AppointmentService.START_NEEDED);
        }
        DateRange.PLANNING.check("start", newStart.toLocalDate(), charity.today());
        if (appointment.outcome() != null) {
            throw new IllegalStateException(ALREADY_HAPPENED);
        }
        var moving = allFollowing && appointment.seriesId() != null
                ? appointments.findOpenInSeriesFrom(
                        Objects.requireNonNull(appointment.seriesId()), appointment.startsAt())
                : List.of(appointment);
        var shift =
                Duration.between(appointment.startsAt(), newStart.atZone(zone).toInstant());
        var length = Duration.between(appointment.startsAt(), appointment.endsAt());
        var starts = moving.stream()
                .map(a -> LocalDateTime.ofInstant(a.startsAt().plus(shift), zone))
                .toList();
        var ids = new HashSet<UUID>();
        moving.forEach(a -> ids.add(a.id()));
        checks.check(appointment.counsellorId(), starts, length, ids, overlapConfirmed, hoursConfirmed);
        for (var a : moving) {
            a.moveTo(a.startsAt().plus(shift));
            reminders.moved(a, shift);
            audit.record(AuditEvent.of(AuditAction.UPDATE, "appointment", a.id().toString())
                    .forClient(client.code())
                    .because("rescheduled"));
        }
    }

    /** The starts of a series, in local time, first included. */
    static List<LocalDateTime> occurrences(LocalDateTime first, Recurrence rule) {
        if (rule.frequency() == null) {
            throw new InvalidFields("frequency", FREQUENCY_NEEDED);
        }
        if ((rule.sessions() == null) == (rule.until() == null)) {
            throw new InvalidFields("sessions", SESSIONS_OR_UNTIL);
        }
        var step = rule.frequency().weeks();
        var starts = new ArrayList<LocalDateTime>();
        if (rule.sessions() != null) {
            int n = rule.sessions();
            if (n < 2 || n > Recurrence.MAX_SESSIONS) {
                throw new InvalidFields("sessions", SESSIONS_RANGE);
            }
            for (int i = 0; i < n; i++) {
                starts.add(first.plusWeeks((long) i * step));
            }
        } else {
            var until = Objects.requireNonNull(rule.until());
            if (until.isBefore(first.toLocalDate())) {
                throw new InvalidFields("until", UNTIL_BEFORE_START);
            }
            for (var at = first; !at.toLocalDate().isAfter(until); at = at.plusWeeks(step)) {
                if (starts.size() == Recurrence.MAX_SESSIONS) {
                    throw new InvalidFields("until", TOO_MANY);
                }
                starts.add(at);
            }
        }
        return starts;
    }

    private void requireCalendarOf(long counsellorId) {
        var me = access.user();
        if (me.accountId() == counsellorId) {
            return;
        }
        if (me.hasRole(Role.SUPERVISOR)
                && staff.teamOf(counsellorId)
                        .map(team -> staff.teamsLedBy(me.accountId()).contains(team))
                        .orElse(false)) {
            return;
        }
        throw new AccessDeniedException(NOT_YOUR_CALENDAR);
    }

    private Instant at(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
