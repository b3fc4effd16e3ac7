package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class SchedulingServiceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    SchedulingService scheduling;

    @Autowired
    AppointmentService appointments;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    CharityClock charity;

    @Autowired
    JdbcTemplate jdbc;

    /** A Monday at 10:00 some weeks ahead; each test takes its own week so counsellors' diaries do not clash. */
    private LocalDateTime monday(int weeksAhead) {
        return charity.today()
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .plusWeeks(weeksAhead)
                .atTime(10, 0);
    }

    private static NewAppointment video(LocalDateTime start) {
        return new NewAppointment(start, 50, Modality.VIDEO, null);
    }

    private List<CalendarAppointment> week(String counsellor, LocalDateTime monday) {
        return scheduling.calendar(
                testClients.id(counsellor),
                monday.toLocalDate(),
                monday.toLocalDate().plusDays(7));
    }

    private LocalDateTime local(java.time.Instant at) {
        return LocalDateTime.ofInstant(at, LONDON);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aWeeklySeriesForNSessionsAndAFortnightlyOneUntilADate() {
        var client = testClients.activeWith("counsellor1");
        var first = monday(30);
        var weekly = scheduling.bookSeries(
                client.code(), video(first), new Recurrence(Recurrence.Frequency.WEEKLY, 4, null), false, false);
        assertThat(weekly)
                .extracting(r -> local(r.startsAt()))
                .containsExactly(first, first.plusWeeks(1), first.plusWeeks(2), first.plusWeeks(3));
        assertThat(jdbc.queryForObject(
                        "select count(distinct series_id) from appointment where client_code = ?",
                        Integer.class,
                        client.code()))
                .isEqualTo(1);

        var other = testClients.activeWith("counsellor1");
        var fortnightly = scheduling.bookSeries(
                other.code(),
                video(first.withHour(14)),
                new Recurrence(
                        Recurrence.Frequency.FORTNIGHTLY,
                        null,
                        first.toLocalDate().plusWeeks(5)),
                false,
                false);
        assertThat(fortnightly)
                .extracting(r -> local(r.startsAt()))
                .containsExactly(
                        first.withHour(14),
                        first.withHour(14).plusWeeks(2),
                        first.withHour(14).plusWeeks(4));
    }

    @Test
    void recurrenceRulesRefuseWhatMakesNoSense() {
        var first = LocalDateTime.of(2027, 1, 4, 10, 0);
        assertThatThrownBy(() -> SchedulingService.occurrences(first, new Recurrence(null, 3, null)))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("frequency")).isEqualTo(SchedulingService.FREQUENCY_NEEDED));
        assertThatThrownBy(() -> SchedulingService.occurrences(
                        first,
                        new Recurrence(
                                Recurrence.Frequency.WEEKLY,
                                3,
                                first.toLocalDate().plusWeeks(2))))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("sessions")).isEqualTo(SchedulingService.SESSIONS_OR_UNTIL));
        assertThatThrownBy(() ->
                        SchedulingService.occurrences(first, new Recurrence(Recurrence.Frequency.WEEKLY, 53, null)))
                .isInstanceOf(InvalidFields.class);
        assertThatThrownBy(() -> SchedulingService.occurrences(
                        first,
                        new Recurrence(
                                Recurrence.Frequency.WEEKLY,
                                null,
                                first.toLocalDate().minusDays(1))))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("until")).isEqualTo(SchedulingService.UNTIL_BEFORE_START));
        assertThat(SchedulingService.occurrences(
                        first,
                        new Recurrence(
                                Recurrence.Frequency.WEEKLY,
                                null,
                                first.toLocalDate().plusWeeks(2))))
                .hasSize(3);
    }

    @Test
    @WithUserDetails("counsellor1")
    void movingOneLeavesTheSeriesAndMovingAllFollowingShiftsTheRest() {
        var client = testClients.activeWith("counsellor1");
        var first = monday(34);
        var series = scheduling.bookSeries(
                client.code(), video(first), new Recurrence(Recurrence.Frequency.WEEKLY, 4, null), false, false);
        scheduling.reschedule(series.get(1).id(), first.plusWeeks(1).plusDays(1), false, false, false);
        var moved =
                scheduling
                        .calendar(
                                testClients.id("counsellor1"),
                                first.toLocalDate(),
                                first.toLocalDate().plusWeeks(4))
                        .stream()
                        .filter(a -> a.clientCode().equals(client.code()))
                        .map(a -> local(a.startsAt()))
                        .toList();
        assertThat(moved)
                .containsExactly(first, first.plusWeeks(1).plusDays(1), first.plusWeeks(2), first.plusWeeks(3));

        scheduling.reschedule(series.get(2).id(), first.plusWeeks(2).plusHours(3), true, false, false);
        var after =
                scheduling
                        .calendar(
                                testClients.id("counsellor1"),
                                first.toLocalDate(),
                                first.toLocalDate().plusWeeks(4))
                        .stream()
                        .filter(a -> a.clientCode().equals(client.code()))
                        .map(a -> local(a.startsAt()))
                        .toList();
        assertThat(after)
                .containsExactly(
                        first,
                        first.plusWeeks(1).plusDays(1),
                        first.plusWeeks(2).plusHours(3),
                        first.plusWeeks(3).plusHours(3));
        assertThat(jdbc.queryForList(
                        "select reason from audit_entry where record_type = 'appointment' and "
                                + "client_ref = ? and action = 'UPDATE'",
                        String.class,
                        client.code()))
                .containsOnly("rescheduled")
                .hasSize(3);
    }

    @Test
    @WithUserDetails("counsellor1")
    void cancellingOneOfASeriesKeepsTheRest() {
        var client = testClients.activeWith("counsellor1");
        var first = monday(38);
        var series = scheduling.bookSeries(
                client.code(), video(first), new Recurrence(Recurrence.Frequency.WEEKLY, 3, null), false, false);
        appointments.recordOutcome(series.get(1).id(), Attendance.CANCELLED_BY_CLIENT);
        var left =
                scheduling
                        .calendar(
                                testClients.id("counsellor1"),
                                first.toLocalDate(),
                                first.toLocalDate().plusWeeks(3))
                        .stream()
                        .filter(a -> a.clientCode().equals(client.code()))
                        .toList();
        assertThat(left)
                .extracting(CalendarAppointment::outcome)
                .containsExactly(null, Attendance.CANCELLED_BY_CLIENT, null);
        assertThatThrownBy(() -> scheduling.reschedule(
                        series.get(1).id(), first.plusWeeks(1).plusHours(2), false, false, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(SchedulingService.ALREADY_HAPPENED);
    }

    @Test
    @WithUserDetails("counsellor1")
    void draggingOntoAnotherAppointmentAsksFirstLikeTheBookingForm() {
        var one = testClients.activeWith("counsellor1");
        var two = testClients.activeWith("counsellor1");
        var at = monday(42);
        appointments.book(one.code(), video(at), false);
        var later = appointments.book(two.code(), video(at.plusHours(3)), false);
        assertThatThrownBy(() -> scheduling.reschedule(later.id(), at.plusMinutes(30), false, false, false))
                .isInstanceOfSatisfying(
                        OverlapNeedsConfirmation.class,
                        e -> assertThat(e.clashes())
                                .extracting(AppointmentRow::clientCode)
                                .containsExactly(one.code()));
        assertThat(local(week("counsellor1", at).stream()
                        .filter(a -> a.id().equals(later.id()))
                        .findFirst()
                        .orElseThrow()
                        .startsAt()))
                .isEqualTo(at.plusHours(3));
        scheduling.reschedule(later.id(), at.plusMinutes(30), false, true, false);
        var moved = week("counsellor1", at).stream()
                .filter(a -> a.id().equals(later.id()))
                .findFirst()
                .orElseThrow();
        assertThat(local(moved.startsAt())).isEqualTo(at.plusMinutes(30));
        assertThat(Duration.between(moved.startsAt(), moved.endsAt())).isEqualTo(Duration.ofMinutes(50));
        // Moving an appointment a little never clashes with itself.
        scheduling.reschedule(later.id(), at.plusMinutes(45), false, true, false);
    }

    @Test
    @WithUserDetails("counsellor2")
    void bookingOutsideWorkingHoursAsksForConfirmation() {
        var client = testClients.activeWith("counsellor2");
        scheduling.setMyWorkingHours(List.of(
                new DayHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new DayHours(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))));
        try {
            var evening = monday(46).withHour(19);
            assertThatThrownBy(() -> appointments.book(client.code(), video(evening), false))
                    .isInstanceOf(OutsideWorkingHours.class);
            assertThatThrownBy(() -> scheduling.bookSeries(
                            client.code(),
                            video(monday(46).withHour(16).withMinute(30)),
                            new Recurrence(Recurrence.Frequency.WEEKLY, 2, null),
                            false,
                            false))
                    .isInstanceOf(OutsideWorkingHours.class);
            assertThat(appointments
                            .book(client.code(), video(evening), false, true)
                            .startsAt())
                    .isEqualTo(evening.atZone(LONDON).toInstant());
            var inHours = appointments.book(client.code(), video(monday(46).plusDays(1)), false);
            assertThatThrownBy(
                            () -> scheduling.reschedule(inHours.id(), monday(46).plusDays(3), false, false, false))
                    .isInstanceOf(OutsideWorkingHours.class);
            assertThat(scheduling.workingHours(testClients.id("counsellor2"))).hasSize(2);
            assertThat(runAs.as("supervisor", () -> scheduling.workingHours(testClients.id("counsellor2"))))
                    .hasSize(2);
        } finally {
            scheduling.setMyWorkingHours(List.of());
        }
    }

    @Test
    @WithUserDetails("supervisor")
    void aSupervisorSeesTheTeamsCalendarsAndNobodyElseDoes() {
        var client = testClients.activeWith("counsellor1");
        var at = monday(50);
        runAs.as("counsellor1", () -> appointments.book(client.code(), video(at), false));
        assertThat(scheduling.team())
                .extracting(org.casebook.security.StaffMember::id)
                .contains(testClients.id("counsellor1"), testClients.id("counsellor2"))
                .doesNotContain(testClients.id("counsellor3"));
        assertThat(week("counsellor1", at))
                .extracting(CalendarAppointment::clientCode)
                .contains(client.code());
        for (var outsider : List.of("counsellor2", "supervisor2", "counsellor3")) {
            assertThatThrownBy(() -> runAs.as(outsider, () -> week("counsellor1", at)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        var theirs = week("counsellor1", at).stream()
                .filter(a -> a.clientCode().equals(client.code()))
                .findFirst()
                .orElseThrow()
                .id();
        assertThatThrownBy(() -> runAs.as("counsellor2", () -> {
                    scheduling.reschedule(theirs, at.plusHours(1), false, true, true);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
    }
}
