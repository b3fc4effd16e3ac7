package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.casebook.MutableClock;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/** Its own clock and month, so other tests' sessions do not change the counts. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:figures-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class SessionFiguresTest {

    @Autowired
    SessionFigures figures;

    @Autowired
    AppointmentService appointments;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    Core10Service core10;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    org.casebook.security.StaffDirectory staff;

    @Test
    @WithUserDetails("supervisor")
    void countsSessionsDnasAndOverdueNotesPerCounsellorOfTheTeamWithTheirLists() {
        // The clock stands at 2 March 2026; sessions in June 2025, far from any demo data.
        var client = testClients.activeWith("counsellor2");
        var first = sessions.booked("counsellor2", client.code(), LocalDateTime.of(2025, 6, 2, 10, 0));
        var second = sessions.booked("counsellor2", client.code(), LocalDateTime.of(2025, 6, 9, 10, 0));
        var third = sessions.booked("counsellor2", client.code(), LocalDateTime.of(2025, 6, 16, 10, 0));
        runAs.as("counsellor2", () -> {
            appointments.recordOutcome(first, Attendance.ATTENDED);
            appointments.recordOutcome(second, Attendance.DID_NOT_ATTEND);
            appointments.recordOutcome(third, Attendance.ATTENDED);
        });
        var south = testClients.activeWith("counsellor3");
        var theirs = sessions.booked("counsellor3", south.code(), LocalDateTime.of(2025, 6, 2, 10, 0));
        runAs.as("counsellor3", () -> appointments.recordOutcome(theirs, Attendance.ATTENDED));

        var month = figures.month(YearMonth.of(2025, 6));
        assertThat(month)
                .extracting(SessionFigures.CounsellorMonth::counsellor)
                .contains("Robin Counsellor (demo)")
                .doesNotContain("Alex Counsellor (demo)");
        var robin = month.stream()
                .filter(m -> m.counsellor().startsWith("Robin"))
                .findFirst()
                .orElseThrow();
        assertThat(robin.attended()).isEqualTo(2);
        assertThat(robin.didNotAttend()).isEqualTo(1);
        assertThat(robin.dnaRate()).isEqualTo(1.0 / 3);
        // Unsigned notes are those overdue now, of any month: June's two and any the demo data holds.
        var overdue = figures.lines(
                robin.counsellorId(), YearMonth.of(2025, 6), SessionFigures.Figure.UNSIGNED_OVER_72_HOURS);
        assertThat(robin.unsignedOver72Hours()).isEqualTo(overdue.size());
        assertThat(overdue)
                .contains(
                        new SessionFigures.SessionLine(client.code(), LocalDate.of(2025, 6, 2)),
                        new SessionFigures.SessionLine(client.code(), LocalDate.of(2025, 6, 16)));
        assertThat(figures.lines(robin.counsellorId(), YearMonth.of(2025, 6), SessionFigures.Figure.DID_NOT_ATTEND))
                .containsExactly(new SessionFigures.SessionLine(client.code(), LocalDate.of(2025, 6, 9)));
        assertThat(figures.month(YearMonth.of(2025, 7)))
                .filteredOn(m -> m.counsellorId() == robin.counsellorId())
                .singleElement()
                .extracting(SessionFigures.CounsellorMonth::unsignedOver72Hours)
                .as("June's overdue notes still count in July")
                .isEqualTo((long) overdue.size());
        assertThatThrownBy(() -> figures.lines(
                        testClients.id("counsellor3"), YearMonth.of(2025, 6), SessionFigures.Figure.ATTENDED))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void core10ChangeOfClosedCasesGivesFirstAndLastTotals() {
        var client = testClients.activeWith("counsellor1");
        runAs.as("counsellor1", () -> {
            core10.record(
                    client.code(),
                    new Core10Entry(
                            LocalDate.of(2025, 10, 1),
                            MeasurementPoint.INTAKE,
                            Core10ServiceTest.items(3, 3, 3, 2, 2, 0, 3, 2, 2, 2)));
            core10.record(
                    client.code(),
                    new Core10Entry(
                            LocalDate.of(2025, 12, 1),
                            MeasurementPoint.REVIEW,
                            Core10ServiceTest.items(2, 2, 2, 2, 2, 0, 2, 2, 2, 2)));
            core10.record(
                    client.code(),
                    new Core10Entry(
                            LocalDate.of(2026, 2, 1),
                            MeasurementPoint.CLOSURE,
                            Core10ServiceTest.items(1, 1, 1, 1, 1, 0, 1, 1, 1, 1)));
        });
        var open = testClients.activeWith("counsellor1");
        runAs.as(
                "counsellor1",
                () -> core10.record(
                        open.code(),
                        new Core10Entry(
                                LocalDate.of(2026, 2, 1),
                                MeasurementPoint.INTAKE,
                                Core10ServiceTest.items(1, 1, 1, 1, 1, 0, 1, 1, 1, 1))));
        var changes = figures.core10Change(teamOf("counsellor1"));
        // The demo data has finished cases of its own: look only at this test's clients.
        assertThat(changes)
                .contains(new SessionFigures.Core10Change(client.code(), 22, 9))
                .extracting(SessionFigures.Core10Change::clientCode)
                .doesNotContain(open.code());
        assertThat(changes.stream()
                        .filter(c -> c.clientCode().equals(client.code()))
                        .findFirst()
                        .orElseThrow()
                        .change())
                .isEqualTo(Core10.Change.RELIABLE_IMPROVEMENT);
        assertThatThrownBy(() -> figures.core10Change(teamOf("counsellor3"))).isInstanceOf(AccessDeniedException.class);
    }

    private long teamOf(String username) {
        return staff.teamOf(testClients.id(username)).orElseThrow();
    }

    @Test
    @WithUserDetails("counsellor1")
    void aCounsellorIsDenied() {
        assertThatThrownBy(() -> figures.month(YearMonth.of(2025, 6))).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsDeniedEveryMethod() {
        assertThatThrownBy(() -> figures.month(YearMonth.of(2025, 6))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> figures.lines(1, YearMonth.of(2025, 6), SessionFigures.Figure.ATTENDED))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> figures.core10Change(1)).isInstanceOf(AuthorizationDeniedException.class);
    }
}
