package org.casebook.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.casebook.PostgresTest;
import org.casebook.referral.ReferralService;
import org.casebook.riskplan.ConcernCategory;
import org.casebook.riskplan.NewConcern;
import org.casebook.riskplan.PlanContent;
import org.casebook.riskplan.PlanSave;
import org.casebook.riskplan.PlanService;
import org.casebook.riskplan.RiskFigures;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.riskplan.TriggerKind;
import org.casebook.security.RunAsStaff;
import org.casebook.session.AppointmentService;
import org.casebook.session.SessionFigures;
import org.casebook.session.SessionFixtures;
import org.casebook.session.SessionNoteService;
import org.casebook.supervision.SupervisionRecords;
import org.casebook.supervision.TeamDashboard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, which refuses writes in read-only transactions: every list that shows client codes with
 * clinical facts is audited once per view, naming the codes shown; and the lists behind a supervisor's figures
 * follow need-to-know row by row, so a client the supervisor is excluded from never appears.
 */
class ListsFollowNeedToKnowPostgresTest extends PostgresTest {

    @Autowired
    TeamDashboard dashboard;

    @Autowired
    SupervisionRecords supervision;

    @Autowired
    PlanService plans;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    ClientService clients;

    @Autowired
    ConsentService consents;

    @Autowired
    ReferralService referrals;

    @Autowired
    SessionNoteService notes;

    @Autowired
    AppointmentService appointments;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    java.time.Clock clock;

    @Test
    void aSupervisorExcludedFromAClientOfTheirTeamNeverSeesItInTheListsBehindTheFigures() {
        var excluded = highRiskSessionWith("counsellor1");
        var visible = highRiskSessionWith("counsellor1");
        testClients.exclude(excluded.client().id(), "supervisor");
        long counsellor1 = testClients.id("counsellor1");

        runAs.as("supervisor", () -> {
            assertThat(dashboard.risksBehind(counsellor1, RiskFigures.Figure.HIGH_RISK))
                    .extracting(RiskFigures.FigureClient::code)
                    .contains(visible.code())
                    .doesNotContain(excluded.code());
            assertThat(dashboard.sessionsBehind(counsellor1, SessionFigures.Figure.ATTENDED))
                    .extracting(SessionFigures.SessionLine::clientCode)
                    .contains(visible.code())
                    .doesNotContain(excluded.code());
            assertThat(dashboard.activeCaseloadOf(counsellor1))
                    .extracting(ClientRef::code)
                    .contains(visible.code())
                    .doesNotContain(excluded.code());
            assertThat(supervision.clientCodesOf(counsellor1))
                    .contains(visible.code())
                    .doesNotContain(excluded.code());
        });
        var listed = jdbc.queryForObject(
                "select reason from audit_entry where actor_username = 'supervisor' "
                        + "and record_type = 'risk-figures high_risk' order by seq desc limit 1",
                String.class);
        assertThat(listed).contains(visible.code()).doesNotContain(excluded.code());
    }

    @Test
    void everyListOfClientCodesWithClinicalFactsIsAuditedOncePerViewNamingTheCodes() {
        var session = highRiskSessionWith("counsellor1");
        var code = session.code();
        var today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        runAs.as("counsellor1", () -> {
            plans.addTriggerDate(code, TriggerKind.COURT_HEARING, today.plusDays(2), null);
            safeguarding.raise(
                    new NewConcern(code, "Fictional concern", today, ConcernCategory.OTHER, false, "client-page"));
        });

        assertListed("counsellor1", "caseload", code, () -> clients.caseload(null, false, PageRequest.of(0, 50)));
        assertListed("counsellor1", "risk-trigger-dates", code, () -> plans.checkInsDue(7, 1));
        assertListed("counsellor1", "safeguarding-raised-by-me", code, () -> safeguarding.raisedByMe());
        assertListed("counsellor1", "upcoming-appointments", null, () -> appointments.myUpcoming(10));
        assertListed("counsellor1", "overdue-notes", null, () -> notes.myOverdue());
        assertListed("counsellor1", "re-consent-due", null, () -> consents.needingReConsent());
        assertListed("counsellor1", "risk-plan-overdue", null, () -> plans.overdueReviews());
        assertListed("supervisor", "safeguarding-queue", code, () -> safeguarding.queue(false));
        assertListed("supervisor", "triage-queue", null, () -> referrals.toTriage());
        assertListed("supervisor", "waiting-list", null, () -> referrals.waitingList());
        assertListed("supervisor", "assigned-not-seen", null, () -> referrals.assignedNotSeen());
        assertListed("supervisor", "child-at-risk-referrals", null, () -> referrals.flaggedChildAtRisk());
        assertListed("supervisor", "overdue-notes", null, () -> notes.teamOverdue());
        assertListed("supervisor", "caseload-figures waiting", null, () -> dashboard.waitingList());

        // A plan summary is an audited read too.
        long before = count("counsellor1", "risk-plan");
        runAs.as("counsellor1", () -> plans.summary(code));
        assertThat(count("counsellor1", "risk-plan")).isEqualTo(before + 1);
    }

    private void assertListed(
            String who, String list, @org.jspecify.annotations.Nullable String code, Supplier<?> view) {
        long before = count(who, list);
        runAs.as(who, view);
        assertThat(count(who, list)).as(list).isEqualTo(before + 1);
        if (code != null) {
            assertThat(jdbc.queryForObject(
                            "select reason from audit_entry where actor_username = ? and record_type = ? "
                                    + "order by seq desc limit 1",
                            String.class,
                            who,
                            list))
                    .as(list)
                    .contains(code);
        }
    }

    private long count(String who, String recordType) {
        return jdbc.queryForObject(
                "select count(*) from audit_entry where actor_username = ? and record_type = ?",
                Long.class,
                who,
                recordType);
    }

    private SessionFixtures.Session highRiskSessionWith(String counsellor) {
        var session = sessions.attended(counsellor);
        runAs.as(
                counsellor,
                () -> plans.save(new PlanSave(
                        session.code(),
                        0,
                        PlanContent.empty(),
                        org.casebook.client.RiskLevel.HIGH,
                        org.casebook.client.RiskLevel.LOW,
                        "Fictional rationale",
                        null)));
        return session;
    }
}
