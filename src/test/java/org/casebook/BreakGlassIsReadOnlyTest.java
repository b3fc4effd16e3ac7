package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.casebook.client.BreakGlassReadOnly;
import org.casebook.client.ClientService;
import org.casebook.client.ConsentService;
import org.casebook.client.HowGiven;
import org.casebook.client.RiskLevel;
import org.casebook.client.ShareRecipient;
import org.casebook.referral.ReferralChoices.ClosureReason;
import org.casebook.referral.ReferralService;
import org.casebook.riskplan.ConcernCategory;
import org.casebook.riskplan.Decision;
import org.casebook.riskplan.DecisionOutcome;
import org.casebook.riskplan.NewConcern;
import org.casebook.riskplan.PlanContent;
import org.casebook.riskplan.PlanSave;
import org.casebook.riskplan.PlanService;
import org.casebook.riskplan.ReviewInput;
import org.casebook.riskplan.RiskArea;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.riskplan.TriggerKind;
import org.casebook.security.ReAuthentication;
import org.casebook.security.RunAsStaff;
import org.casebook.security.TestCodes;
import org.casebook.session.AppointmentService;
import org.casebook.session.Attendance;
import org.casebook.session.Core10Entry;
import org.casebook.session.Core10Service;
import org.casebook.session.MeasurementPoint;
import org.casebook.session.Modality;
import org.casebook.session.NewAppointment;
import org.casebook.session.NoteText;
import org.casebook.session.SessionFixtures;
import org.casebook.session.SessionNoteService;
import org.casebook.supervision.TeamDashboard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Break-glass is for reading in an emergency: every change to the client's records is refused (and the
 * refusal audited) by {@link org.casebook.client.CaseAccessPolicy#requireChange}, in every module; only
 * raising a new safeguarding concern is allowed.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class BreakGlassIsReadOnlyTest {

    /** What one write needs: a client of North team's counsellor1 with a plan, a signed note, a concern, a consent. */
    record Fixture(
            String code,
            UUID appointment,
            UUID concern,
            UUID consent,
            long agreementVersion,
            long counsellor2,
            LocalDate today) {}

    @Autowired
    PlanService plans;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    ConsentService consents;

    @Autowired
    SessionNoteService notes;

    @Autowired
    AppointmentService appointments;

    @Autowired
    Core10Service core10;

    @Autowired
    ReferralService referrals;

    @Autowired
    TeamDashboard dashboard;

    @Autowired
    ClientService clients;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    org.casebook.client.TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    ReAuthentication reAuthentication;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshSignInState() {
        clock.advance(Duration.ofMinutes(1));
        jdbc.update("update staff_account set totp_last_step = null, failed_attempts = 0, locked_until = null");
    }

    static Stream<Named<Consumer<BreakGlassIsReadOnlyTest.Ops>>> everyChangeToAClient() {
        return Stream.of(
                write(
                        "PlanService.save",
                        o -> o.t.plans.save(new PlanSave(
                                o.f.code,
                                1,
                                PlanContent.empty(),
                                RiskLevel.LOW,
                                RiskLevel.LOW,
                                "Lowered (break-glass attempt)",
                                null))),
                write(
                        "PlanService.recordReview",
                        o -> o.t.plans.recordReview(o.f.code, new ReviewInput(allScores(), Map.of(), null))),
                write(
                        "PlanService.addTriggerDate",
                        o -> o.t.plans.addTriggerDate(
                                o.f.code, TriggerKind.COURT_HEARING, o.f.today.plusDays(10), null)),
                write(
                        "ConsentService.recordAgreement",
                        o -> o.t.consents.recordAgreement(o.f.code, o.f.agreementVersion, o.f.today, HowGiven.PHONE)),
                write(
                        "ConsentService.addShareConsent",
                        o -> o.t.consents.addShareConsent(
                                o.f.code, ShareRecipient.GP, "Dr Example (fictional)", o.f.today)),
                write(
                        "ConsentService.withdrawShareConsent",
                        o -> o.t.consents.withdrawShareConsent(o.f.code, o.f.consent, 0, o.f.today)),
                write(
                        "SafeguardingService.decide",
                        o -> o.t.safeguarding.decide(
                                o.f.concern,
                                new Decision(
                                        DecisionOutcome.NO_FURTHER_ACTION,
                                        null,
                                        null,
                                        "Nothing to do (break-glass attempt)",
                                        null))),
                write("SafeguardingService.comment", o -> o.t.safeguarding.comment(o.f.concern, "A later comment")),
                write("SafeguardingService.close", o -> o.t.safeguarding.close(o.f.concern, null)),
                write(
                        "SessionNoteService.saveDraft",
                        o -> o.t.notes.saveDraft(
                                o.f.appointment, 1L, new NoteText("Changed", null, null, null, null, null, null))),
                write("SessionNoteService.sign", o -> o.t.notes.sign(o.f.appointment, 1L)),
                write("SessionNoteService.addAddendum", o -> o.t.notes.addAddendum(o.f.appointment, "An addendum")),
                write("SessionNoteService.coSign", o -> o.t.notes.coSign(o.f.appointment, "Co-signed")),
                write(
                        "AppointmentService.book",
                        o -> o.t.appointments.book(
                                o.f.code,
                                new NewAppointment(
                                        LocalDateTime.of(o.f.today.plusDays(3), java.time.LocalTime.NOON),
                                        50,
                                        Modality.PHONE,
                                        null),
                                true)),
                write(
                        "AppointmentService.recordOutcome",
                        o -> o.t.appointments.recordOutcome(o.f.appointment, Attendance.CANCELLED_BY_CLIENT)),
                write(
                        "Core10Service.record",
                        o -> o.t.core10.record(
                                o.f.code,
                                new Core10Entry(
                                        o.f.today, MeasurementPoint.REVIEW, List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)))),
                write(
                        "ReferralService.close",
                        o -> o.t.referrals.close(
                                o.f.code, ClosureReason.COMPLETED, "Closed by someone on break-glass")),
                write("ReferralService.triage", o -> o.t.referrals.triage(o.f.code, false, "Not eligible, apparently")),
                write("ReferralService.addToWaitingList", o -> o.t.referrals.addToWaitingList(o.f.code, 1)),
                write(
                        "ReferralService.assign",
                        o -> o.t.referrals.assign(o.f.code, o.f.counsellor2, "Moving this client over")),
                write(
                        "ReferralService.exclude",
                        o -> o.t.referrals.exclude(o.f.code, o.f.counsellor2, "Excluding a colleague")),
                write(
                        "TeamDashboard.reassign",
                        o -> o.t.dashboard.reassign(o.f.code, o.f.counsellor2, "Moving this client over")));
    }

    @ParameterizedTest(name = "{0} is refused under break-glass, and the refusal is audited")
    @MethodSource("everyChangeToAClient")
    void aSupervisorOfAnotherTeamOnBreakGlassChangesNothing(Consumer<Ops> change) {
        var fixture = fixture();
        long before = refusals(fixture.code);
        runAs.as("supervisor2", () -> {
            breakGlass(fixture.code);
            assertThatThrownBy(() -> change.accept(new Ops(this, fixture)))
                    .isInstanceOf(BreakGlassReadOnly.class)
                    .hasMessage(BreakGlassReadOnly.MESSAGE);
        });
        assertThat(refusals(fixture.code)).isEqualTo(before + 1);
    }

    @Test
    void aConcernNeverDecidedUnderBreakGlassCanStillBeDecidedByTheClientsOwnSupervisor() {
        var fixture = fixture();
        runAs.as("supervisor2", () -> {
            breakGlass(fixture.code);
            assertThat(safeguarding.open(fixture.concern).canDecide()).isFalse();
            assertThatThrownBy(() -> safeguarding.decide(
                            fixture.concern,
                            new Decision(DecisionOutcome.NO_FURTHER_ACTION, null, null, "Nothing to do", null)))
                    .isInstanceOf(BreakGlassReadOnly.class);
        });
        runAs.as(
                "supervisor",
                () -> safeguarding.decide(
                        fixture.concern, new Decision(DecisionOutcome.POLICE, "REF-42", fixture.today, null, null)));
        assertThat(runAs.as("supervisor", () -> safeguarding.open(fixture.concern))
                        .decision()
                        .outcome())
                .isEqualTo(DecisionOutcome.POLICE);
    }

    @Test
    void raisingANewSafeguardingConcernIsAllowedUnderBreakGlass() {
        var fixture = fixture();
        var raised = runAs.as("counsellor3", () -> {
            breakGlass(fixture.code);
            return safeguarding.raise(new NewConcern(
                    fixture.code,
                    "Client mentioned a child visiting (fictional)",
                    fixture.today,
                    ConcernCategory.CHILD_AT_RISK,
                    true,
                    "client-page"));
        });
        assertThat(runAs.as("supervisor", () -> safeguarding.forClient(fixture.code)))
                .anySatisfy(row -> assertThat(row.id()).isEqualTo(raised));
    }

    private Fixture fixture() {
        var today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        var session = sessions.signed("counsellor1", "Presentation (fictional)");
        var code = session.code();
        var concern = runAs.as("counsellor1", () -> {
            plans.save(new PlanSave(code, 0, PlanContent.empty(), RiskLevel.MEDIUM, RiskLevel.LOW, "First", null));
            return safeguarding.raise(new NewConcern(
                    code, "Fictional concern", today, ConcernCategory.CHILD_AT_RISK, true, "client-page"));
        });
        var consent = runAs.as(
                "counsellor1",
                () -> consents.addShareConsent(code, ShareRecipient.GP, "Dr Example (fictional)", today));
        long version = runAs.as(
                "counsellor1", () -> consents.latestVersion().orElseThrow().id());
        return new Fixture(
                code, session.appointment(), concern, consent, version, testClients.id("counsellor2"), today);
    }

    private void breakGlass(String code) {
        reAuthentication.confirm("casebook-demo-2026", TestCodes.code(TestCodes.DEMO_SECRET, clock.instant()));
        clients.breakGlass(code, "Client rang in crisis while their counsellor is away");
    }

    private long refusals(String code) {
        return jdbc.queryForObject(
                "select count(*) from audit_entry where client_ref = ? and outcome = 'DENIED' "
                        + "and reason = 'break-glass is read-only'",
                Long.class,
                code);
    }

    private static Map<RiskArea, Integer> allScores() {
        var scores = new EnumMap<RiskArea, Integer>(RiskArea.class);
        for (var area : RiskArea.values()) {
            scores.put(area, 1);
        }
        return scores;
    }

    private static Named<Consumer<Ops>> write(String name, Consumer<Ops> change) {
        return Named.of(name, change);
    }

    /** The test's services and the fixture, for one operation. */
    record Ops(BreakGlassIsReadOnlyTest t, Fixture f) {}
}
