package org.casebook.session;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientRecords;
import org.casebook.security.RunAsStaff;
import org.casebook.security.StaffDirectory;
import org.casebook.time.CharityClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data: for each open, active case of the demo counsellors (made by the referral module's demo data),
 * a history of sessions made through the real services as the counsellor: attended sessions with signed
 * notes and an addendum, a did-not-attend, a cancellation, one note left unsigned past 72 hours, a draft in
 * progress, coming appointments, and CORE-10 at intake and review. A client that has any appointment is
 * left alone, so this runs safely at every start. All text is fictional and says so.
 */
@Component
@Profile("demo")
@Order(20)
class DemoSessions implements ApplicationRunner {

    static final List<String> COUNSELLORS = List.of("counsellor1", "counsellor2");
    private static final Logger log = LoggerFactory.getLogger(DemoSessions.class);

    private final RunAsStaff runAs;
    private final StaffDirectory staff;
    private final ClientRecords records;
    private final AppointmentRepository existing;
    private final AppointmentService appointments;
    private final SessionNoteService notes;
    private final Core10Service core10;
    private final CharityClock charity;

    DemoSessions(
            RunAsStaff runAs,
            StaffDirectory staff,
            ClientRecords records,
            AppointmentRepository existing,
            AppointmentService appointments,
            SessionNoteService notes,
            Core10Service core10,
            CharityClock charity) {
        this.runAs = runAs;
        this.staff = staff;
        this.records = records;
        this.existing = existing;
        this.appointments = appointments;
        this.notes = notes;
        this.core10 = core10;
        this.charity = charity;
    }

    @Override
    public void run(ApplicationArguments args) {
        int seeded = 0;
        for (var username : COUNSELLORS) {
            var counsellor = staff.findByUsername(username);
            if (counsellor.isEmpty()) {
                continue;
            }
            var cases = records.openCasesOf(counsellor.get().id()).stream()
                    .filter(c -> c.status() == CaseStatus.ACTIVE)
                    .filter(c -> !existing.existsByClientId(c.id().value()))
                    .toList();
            for (int i = 0; i < cases.size(); i++) {
                var client = cases.get(i);
                int slot = i;
                runAs.as(username, () -> seed(client, slot));
                seeded++;
            }
        }
        if (seeded > 0) {
            log.info("Demo sessions added for {} clients", seeded);
        }
    }

    /** One client's history; {@code slot} spreads clients over the day so their sessions do not overlap. */
    void seed(ClientAccess client, int slot) {
        var today = charity.today();
        var hour = 9 + slot % 8;
        var code = client.code();
        var held = new ArrayList<UUID>();
        for (int week = 6; week >= 2; week--) {
            var at = today.minusWeeks(week).atTime(hour, 0);
            var id = book(code, at, week == 4 ? Modality.IN_PERSON : Modality.VIDEO);
            switch (week) {
                case 5 -> appointments.recordOutcome(id, Attendance.DID_NOT_ATTEND);
                case 3 -> appointments.recordOutcome(id, Attendance.CANCELLED_BY_CLIENT);
                default -> {
                    appointments.recordOutcome(id, Attendance.ATTENDED);
                    held.add(id);
                }
            }
        }
        for (var id : held) {
            var saved = notes.saveDraft(id, null, note());
            notes.sign(id, saved.version());
        }
        notes.addAddendum(
                held.getFirst(),
                "Addendum (demo): the client's next appointment was moved to a weekday "
                        + "evening, as agreed at the end of this session.");
        if (slot % 2 == 1) {
            // A recent missed session, so this month's did-not-attend figures have something to show.
            appointments.recordOutcome(
                    book(code, today.minusDays(2).atTime(hour, 0), Modality.PHONE), Attendance.DID_NOT_ATTEND);
        }
        if (slot == 0) {
            // Left unsigned five days on: shows as overdue to the counsellor and their supervisor.
            var late = book(code, today.minusDays(5).atTime(hour, 30), Modality.PHONE);
            appointments.recordOutcome(late, Attendance.ATTENDED);
            notes.saveDraft(
                    late,
                    null,
                    new NoteText(
                            "Fictional demo note, not yet signed: the client spoke about "
                                    + "a difficult week at work.",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
            // Yesterday's session, draft in progress.
            var recent = book(code, today.minusDays(1).atTime(hour, 30), Modality.VIDEO);
            appointments.recordOutcome(recent, Attendance.ATTENDED);
            notes.saveDraft(
                    recent,
                    null,
                    new NoteText(
                            "Fictional demo draft: the client arrived on time and " + "reviewed the week.",
                            "Routines at weekends (demo).",
                            null,
                            null,
                            null,
                            null,
                            null));
        }
        book(code, today.plusDays(2 + slot % 3).atTime(hour, 0), Modality.VIDEO);
        book(code, today.plusDays(9 + slot % 3).atTime(hour, 0), Modality.IN_PERSON);
        core10.record(
                code,
                new Core10Entry(
                        today.minusWeeks(6), MeasurementPoint.INTAKE, List.of(3, 2, 3, 2, 2, slot % 2, 3, 2, 3, 2)));
        core10.record(
                code,
                new Core10Entry(today.minusWeeks(2), MeasurementPoint.REVIEW, List.of(2, 1, 2, 1, 1, 0, 2, 1, 2, 1)));
    }

    private UUID book(String code, LocalDateTime at, Modality modality) {
        var place = modality == Modality.IN_PERSON ? "Counselling room 2, Northbridge centre (demo)" : null;
        return Objects.requireNonNull(appointments
                .book(code, new NewAppointment(at, 50, modality, place), true)
                .id());
    }

    private static NoteText note() {
        return new NoteText(
                "Fictional demo note: the client arrived on time and appeared settled.",
                "Coping with evenings alone; keeping to the plan agreed last time (demo).",
                "Nothing new observed; the client kept to the agreed safety steps (demo).",
                "Reviewed warning signs and rehearsed the coping plan (demo).",
                "Client to keep a short diary of difficult evenings (demo).",
                "Go through the diary together (demo).",
                RiskAnswer.NO);
    }
}
