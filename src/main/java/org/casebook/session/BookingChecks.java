package org.casebook.session;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The two questions every booking and move asks before it is saved: one rule, one place. */
@Component
class BookingChecks {

    private final AppointmentRepository appointments;
    private final WorkingHoursRepository hours;
    private final ZoneId zone;
    private final org.casebook.time.CharityClock charity;

    BookingChecks(
            AppointmentRepository appointments,
            WorkingHoursRepository hours,
            @Value("${casebook.time-zone}") ZoneId zone,
            org.casebook.time.CharityClock charity) {
        this.charity = charity;
        this.appointments = appointments;
        this.hours = hours;
        this.zone = zone;
    }

    /**
     * Refuses, until confirmed, appointments that overlap others of the counsellor (other than those being
     * moved) or fall outside the counsellor's working hours (when they have set any).
     */
    void check(
            long counsellorId,
            List<LocalDateTime> starts,
            Duration length,
            Set<UUID> moving,
            boolean overlapConfirmed,
            boolean hoursConfirmed) {
        if (!overlapConfirmed) {
            var clashes = new ArrayList<AppointmentRow>();
            for (var start : starts) {
                var from = start.atZone(zone).toInstant();
                appointments.findOverlapping(counsellorId, from, from.plus(length)).stream()
                        .filter(a -> !moving.contains(a.id()))
                        .forEach(a -> clashes.add(new AppointmentRow(
                                a.id(),
                                a.clientCode(),
                                a.startsAt(),
                                a.endsAt(),
                                a.modality(),
                                null,
                                a.outcome(),
                                NoteState.NONE,
                                false)));
            }
            if (!clashes.isEmpty()) {
                throw new OverlapNeedsConfirmation(clashes);
            }
        }
        if (!hoursConfirmed) {
            var week = hours.findOf(counsellorId);
            if (!week.isEmpty()) {
                var outside = starts.stream()
                        .filter(start -> week.stream()
                                .noneMatch(w -> w.dayOfWeek()
                                                == start.getDayOfWeek().getValue()
                                        && !start.toLocalTime().isBefore(w.startsAt())
                                        && !start.toLocalTime().plus(length).isAfter(w.endsAt())
                                        && !start.toLocalTime().plus(length).isBefore(start.toLocalTime())))
                        .toList();
                if (!outside.isEmpty()) {
                    throw new OutsideWorkingHours(outside);
                }
            }
        }
    }

    /** The booking form's own rules: a start in the planning range, a sensible length, how, and where if in person. */
    void validate(NewAppointment details) {
        if (details.start() == null) {
            throw new InvalidFields("start", AppointmentService.START_NEEDED);
        }
        DateRange.PLANNING.check("start", details.start().toLocalDate(), charity.today());
        if (details.durationMinutes() < AppointmentService.MIN_MINUTES
                || details.durationMinutes() > AppointmentService.MAX_MINUTES) {
            throw new InvalidFields("durationMinutes", AppointmentService.DURATION_RANGE);
        }
        if (details.modality() == null) {
            throw new InvalidFields("modality", AppointmentService.MODALITY_NEEDED);
        }
        if (details.modality() == Modality.IN_PERSON && Text.isBlank(details.location())) {
            throw new InvalidFields("location", AppointmentService.LOCATION_NEEDED);
        }
        Text.check("location", details.location(), Text.LINE);
    }
}
