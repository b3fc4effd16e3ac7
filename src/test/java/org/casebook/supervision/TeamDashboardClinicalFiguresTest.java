package org.casebook.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.casebook.MutableClock;
import org.casebook.client.RiskLevel;
import org.casebook.client.TestClients;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralFigures;
import org.casebook.referral.ReferralService;
import org.casebook.referral.Referrals;
import org.casebook.riskplan.ConcernCategory;
import org.casebook.riskplan.NewConcern;
import org.casebook.riskplan.PlanContent;
import org.casebook.riskplan.PlanSave;
import org.casebook.riskplan.PlanService;
import org.casebook.riskplan.RiskFigures;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.RunAsStaff;
import org.casebook.session.AppointmentService;
import org.casebook.session.Attendance;
import org.casebook.session.Core10Entry;
import org.casebook.session.Core10Service;
import org.casebook.session.MeasurementPoint;
import org.casebook.session.SessionFigures;
import org.casebook.session.SessionFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard's session, risk and referral figures against hand-counted fixtures made through the
 * other modules' real services. Each test counts what its own fixtures add (after minus before).
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class TeamDashboardClinicalFiguresTest {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    @Autowired
    TeamDashboard dashboard;

    @Autowired
    TestClients testClients;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    AppointmentService appointments;

    @Autowired
    Core10Service core10;

    @Autowired
    PlanService plans;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    ReferralService referrals;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void keepWellInsideAMonth() {
        // Sessions four days ago must fall in this month: move past the first days of a month.
        var day = LocalDate.now(clock.withZone(ZONE)).getDayOfMonth();
        if (day < 6) {
            clock.advance(Duration.ofDays(6 - day));
        }
        if (LocalDate.now(clock.withZone(ZONE)).lengthOfMonth()
                        - LocalDate.now(clock.withZone(ZONE)).getDayOfMonth()
                < 3) {
            clock.advance(Duration.ofDays(10));
        }
    }

    @Test
    @WithUserDetails("supervisor")
    void sessionsHeldDidNotAttendAndUnsignedNotesAreCountedPerCounsellorThisMonth() {
        var before = robin(dashboard.overview());
        sessions.attended("counsellor2");
        sessions.signed("counsellor2", "Presentation (test)");
        var missed = sessions.pastSession("counsellor2");
        runAs.as("counsellor2", () -> appointments.recordOutcome(missed.appointment(), Attendance.DID_NOT_ATTEND));
        var client = testClients.activeWith("counsellor2");
        var old = sessions.booked(
                "counsellor2",
                client.code(),
                LocalDateTime.now(clock.withZone(ZONE)).minusDays(4));
        sessions.recordAttended("counsellor2", old);
        sessions.attended("counsellor1");

        var after = robin(dashboard.overview());
        assertThat(after.sessionsThisMonth() - before.sessionsThisMonth()).isEqualTo(3);
        assertThat(after.didNotAttendThisMonth() - before.didNotAttendThisMonth())
                .isEqualTo(1);
        assertThat(after.dnaRate())
                .isEqualTo((double) after.didNotAttendThisMonth()
                        / (after.sessionsThisMonth() + after.didNotAttendThisMonth()));
        // Only the session four days ago is unsigned past 72 hours; the others are an hour old.
        assertThat(after.notesUnsignedOver72Hours() - before.notesUnsignedOver72Hours())
                .isEqualTo(1);
        var robinId = testClients.id("counsellor2");
        assertThat(dashboard.sessionsBehind(robinId, SessionFigures.Figure.UNSIGNED_OVER_72_HOURS))
                .extracting(SessionFigures.SessionLine::clientCode)
                .contains(client.code());
        assertThat(dashboard.sessionsBehind(robinId, SessionFigures.Figure.DID_NOT_ATTEND))
                .extracting(SessionFigures.SessionLine::clientCode)
                .contains(missed.code());
    }

    @Test
    @WithUserDetails("supervisor")
    void highRiskOpenConcernsAndOverdueReviewsAreCountedPerCounsellorAndByLevel() {
        var before = robin(dashboard.overview());
        var veryHighBefore = level(dashboard.overview(), RiskLevel.VERY_HIGH);
        var high = testClients.activeWith("counsellor2");
        var low = testClients.activeWith("counsellor2");
        var today = LocalDate.now(clock.withZone(ZONE));
        runAs.as("counsellor2", () -> {
            plans.save(new PlanSave(
                    high.code(),
                    0,
                    content(),
                    RiskLevel.VERY_HIGH,
                    RiskLevel.LOW,
                    "First plan (test)",
                    today.plusDays(2)));
            plans.save(new PlanSave(low.code(), 0, content(), RiskLevel.LOW, RiskLevel.LOW, "First plan (test)", null));
            safeguarding.raise(new NewConcern(
                    low.code(), "A disclosure (test)", today, ConcernCategory.OFFENCE_DISCLOSED, false, "client-page"));
        });
        var after = dashboard.overview();
        assertThat(robin(after).highRisk() - before.highRisk()).isEqualTo(1);
        assertThat(robin(after).openSafeguardingConcerns() - before.openSafeguardingConcerns())
                .isEqualTo(1);
        assertThat(level(after, RiskLevel.VERY_HIGH) - veryHighBefore).isEqualTo(1);
        var robinId = testClients.id("counsellor2");
        assertThat(dashboard.risksBehind(robinId, RiskFigures.Figure.HIGH_RISK))
                .extracting(RiskFigures.FigureClient::code)
                .contains(high.code())
                .doesNotContain(low.code());
        assertThat(dashboard.risksBehind(robinId, RiskFigures.Figure.OPEN_CONCERNS))
                .extracting(RiskFigures.FigureClient::code)
                .contains(low.code())
                .doesNotContain(high.code());

        var overdueBefore = robin(dashboard.overview()).overdueReviews();
        clock.advance(Duration.ofDays(3));
        assertThat(robin(dashboard.overview()).overdueReviews() - overdueBefore).isGreaterThanOrEqualTo(1);
        assertThat(dashboard.risksBehind(robinId, RiskFigures.Figure.OVERDUE_REVIEWS))
                .extracting(RiskFigures.FigureClient::code)
                .contains(high.code())
                .doesNotContain(low.code());
    }

    @Test
    @WithUserDetails("supervisor")
    void referralsArePerMonthAndSourceAndCore10ChangeListsClosedCases() {
        var month = YearMonth.now(clock);
        var first = dashboard.overview();
        var before = referralsIn(first, month);
        var today = LocalDate.now(clock.withZone(ZONE));
        runAs.as("counsellor1", () -> referrals.receive(Referrals.valid(today), false));
        runAs.as("counsellor2", () -> referrals.receive(Referrals.valid(today), false));
        runAs.as("counsellor3", () -> referrals.receive(Referrals.valid(today), false));

        var client = testClients.activeWith("counsellor1");
        runAs.as("counsellor1", () -> {
            core10.record(
                    client.code(),
                    new Core10Entry(
                            today.minusDays(60), MeasurementPoint.INTAKE, List.of(3, 3, 3, 2, 2, 0, 3, 2, 2, 2)));
            core10.record(
                    client.code(),
                    new Core10Entry(
                            today.minusDays(1), MeasurementPoint.CLOSURE, List.of(1, 1, 1, 1, 1, 0, 1, 1, 1, 1)));
        });
        var after = dashboard.overview();
        assertThat(referralsIn(after, month) - before).isEqualTo(2);
        // 22 to 9: a reliable improvement, counted in the chart's tally (one bar a kind of change, not a case).
        assertThat(tally(after, org.casebook.session.Core10.Change.RELIABLE_IMPROVEMENT)
                        - tally(first, org.casebook.session.Core10.Change.RELIABLE_IMPROVEMENT))
                .isEqualTo(1);
        assertThat(after.core10Tally()).hasSize(org.casebook.session.Core10.Change.values().length);
    }

    private static long tally(TeamOverview overview, org.casebook.session.Core10.Change change) {
        return overview.core10Tally().stream()
                .filter(t -> t.change() == change)
                .mapToLong(SessionFigures.Core10Tally::cases)
                .sum();
    }

    private static long referralsIn(TeamOverview overview, YearMonth month) {
        return overview.referrals().stream()
                .filter(c -> c.month().equals(month) && c.source() == Source.SELF)
                .mapToLong(ReferralFigures.MonthlyCount::referrals)
                .sum();
    }

    private static long level(TeamOverview overview, RiskLevel level) {
        return overview.caseloadByRisk().stream()
                .filter(c -> c.level() == level)
                .mapToLong(RiskFigures.LevelCount::clients)
                .sum();
    }

    private CounsellorFigures robin(TeamOverview overview) {
        var id = testClients.id("counsellor2");
        return overview.counsellors().stream()
                .filter(c -> c.counsellorId() == id)
                .findFirst()
                .orElseThrow();
    }

    private static PlanContent content() {
        return new PlanContent(
                "Goals (test)", "Evenings alone", "Staying up late", "Walk", "Work", "Brother", null, List.of());
    }
}
