package org.casebook.riskplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.MutableClock;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientId;
import org.casebook.client.RiskFacts;
import org.casebook.client.RiskLevel;
import org.casebook.client.TestClients;
import org.casebook.riskplan.PlanComparison.Change;
import org.casebook.security.ReAuthentication;
import org.casebook.security.RunAsStaff;
import org.casebook.security.TestCodes;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class PlanServiceTest {

    @Autowired
    PlanService plans;

    @Autowired
    RiskFacts riskFacts;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    ReAuthentication reAuthentication;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void clearSignInState() {
        clock.advance(Duration.ofMinutes(1));
        jdbc.update(
                "update staff_account set totp_last_step = null, failed_attempts = 0, failed_codes = 0, locked_until = null");
    }

    static PlanContent content(String goals, String coping, AgreedAction... actions) {
        return new PlanContent(
                goals, "Evenings alone", "Staying up late", coping, "Work", "Brother", null, List.of(actions));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }

    @Test
    @WithUserDetails("counsellor1")
    void everySavedVersionIsKeptAndTwoVersionsCompareWordByWord() {
        var client = testClients.activeWith("counsellor1");
        int first = plans.save(new PlanSave(
                client.code(),
                0,
                content("Keep my job", "Ring my brother", new AgreedAction("Move the laptop", "Client", null, false)),
                RiskLevel.LOW,
                RiskLevel.MEDIUM,
                "First assessment",
                null));
        int second = plans.save(new PlanSave(
                client.code(),
                first,
                content(
                        "Keep my job and join a club",
                        "Ring the helpline",
                        new AgreedAction("Move the laptop", "Client", null, true)),
                RiskLevel.LOW,
                RiskLevel.MEDIUM,
                null,
                null));

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        var page = plans.open(client.code());
        assertThat(page.current().number()).isEqualTo(2);
        assertThat(page.current().changedBy()).isEqualTo("Casey Counsellor (demo)");
        assertThat(page.versions()).extracting(VersionInfo::number).containsExactly(2, 1);
        assertThat(plans.version(client.code(), 1).content().goals()).isEqualTo("Keep my job");
        assertThat(plans.version(client.code(), 1)
                        .content()
                        .actions()
                        .getFirst()
                        .done())
                .isFalse();

        var comparison = plans.compare(client.code(), 1, 2);
        var goals = comparison.sections().getFirst();
        assertThat(goals.changed()).isTrue();
        assertThat(goals.right()).anySatisfy(s -> {
            assertThat(s.change()).isEqualTo(Change.ADDED);
            assertThat(s.text()).contains("and join a club");
        });
        assertThat(goals.left()).noneMatch(s -> s.change() == Change.REMOVED);
        var coping = comparison.sections().get(3);
        assertThat(coping.left())
                .anySatisfy(s -> assertThat(s).isEqualTo(new PlanComparison.Segment("brother", Change.REMOVED)));
        assertThat(coping.right())
                .anySatisfy(s -> assertThat(s).isEqualTo(new PlanComparison.Segment("helpline", Change.ADDED)));
        assertThat(comparison.sections().get(1).changed()).isFalse();
        var actions = comparison.sections().stream()
                .filter(s -> s.title().equals("Agreed actions"))
                .findFirst()
                .orElseThrow();
        assertThat(actions.right()).anySatisfy(s -> assertThat(s.text()).contains("done"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from risk_plan_version v join risk_plan p on p.id = v.plan_id "
                                + "where p.client_id = ?",
                        Integer.class,
                        client.id().value()))
                .isEqualTo(2);
    }

    @Test
    @WithUserDetails("counsellor1")
    void planTextIsStoredSealed() {
        var client = testClients.activeWith("counsellor1");
        plans.save(new PlanSave(
                client.code(),
                0,
                content("A very distinctive goal", "Walk"),
                RiskLevel.LOW,
                RiskLevel.LOW,
                "First",
                null));
        var stored = jdbc.queryForObject(
                "select v.goals from risk_plan_version v join risk_plan p on p.id = v.plan_id "
                        + "where p.client_id = ?",
                byte[].class,
                client.id().value());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("distinctive");
    }

    @Test
    @WithUserDetails("counsellor1")
    void aRatingNeedsARationaleWhenFirstGivenAndWheneverItChanges() {
        var client = testClients.activeWith("counsellor1");
        assertThatThrownBy(() -> plans.save(new PlanSave(
                        client.code(), 0, content("Goal", "Walk"), RiskLevel.LOW, RiskLevel.LOW, " ", null)))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("rationale"));
        plans.save(
                new PlanSave(client.code(), 0, content("Goal", "Walk"), RiskLevel.LOW, RiskLevel.LOW, "First", null));
        // Same ratings: no rationale needed.
        plans.save(
                new PlanSave(client.code(), 1, content("Goal two", "Walk"), RiskLevel.LOW, RiskLevel.LOW, null, null));
        assertThatThrownBy(() -> plans.save(new PlanSave(
                        client.code(), 2, content("Goal", "Walk"), RiskLevel.LOW, RiskLevel.HIGH, null, null)))
                .isInstanceOfSatisfying(InvalidFields.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("rationale");
                    assertThat(e.getMessage()).contains("rating changed");
                });
        plans.save(new PlanSave(
                client.code(),
                2,
                content("Goal", "Walk"),
                RiskLevel.LOW,
                RiskLevel.HIGH,
                "Court date set; low mood",
                null));
        var current = plans.open(client.code()).current();
        assertThat(current.toSelf()).isEqualTo(RiskLevel.HIGH);
        assertThat(current.rationale()).isEqualTo("Court date set; low mood");
    }

    @Test
    @WithUserDetails("counsellor1")
    void aSaveBasedOnAnOlderVersionIsRefusedAsAConflict() {
        var client = testClients.activeWith("counsellor1");
        plans.save(
                new PlanSave(client.code(), 0, content("Goal", "Walk"), RiskLevel.LOW, RiskLevel.LOW, "First", null));
        // The team supervisor saves meanwhile.
        runAs.as(
                "supervisor",
                () -> plans.save(new PlanSave(
                        client.code(),
                        1,
                        content("Supervisor's goal", "Walk"),
                        RiskLevel.LOW,
                        RiskLevel.LOW,
                        null,
                        null)));
        assertThatThrownBy(() -> plans.save(new PlanSave(
                        client.code(), 1, content("My goal", "Walk"), RiskLevel.LOW, RiskLevel.LOW, null, null)))
                .isInstanceOf(PlanConflict.class)
                .hasMessage(PlanConflict.MESSAGE);
        assertThat(plans.open(client.code()).current().content().goals()).isEqualTo("Supervisor's goal");
    }

    @Test
    @WithUserDetails("counsellor1")
    void theNextReviewDefaultsToThreeMonthsOrOneMonthWhenEitherRiskIsHighAndBecomesOverdue() {
        var low = testClients.activeWith("counsellor1");
        var high = testClients.activeWith("counsellor1");
        plans.save(
                new PlanSave(low.code(), 0, content("Goal", "Walk"), RiskLevel.LOW, RiskLevel.MEDIUM, "First", null));
        plans.save(new PlanSave(
                high.code(), 0, content("Goal", "Walk"), RiskLevel.LOW, RiskLevel.VERY_HIGH, "First", null));
        var today = today();
        assertThat(plans.summary(low.code()).orElseThrow().nextReview()).isEqualTo(today.plusMonths(3));
        assertThat(plans.summary(high.code()).orElseThrow().nextReview()).isEqualTo(today.plusMonths(1));
        assertThat(riskFacts.riskSummaries(Set.of(high.id(), low.id())).get(high.id()))
                .isEqualTo(new RiskFacts.RiskSummary(RiskLevel.LOW, RiskLevel.VERY_HIGH, today.plusMonths(1)));

        assertThatThrownBy(() -> plans.save(new PlanSave(
                        high.code(),
                        1,
                        content("Goal", "Walk"),
                        RiskLevel.LOW,
                        RiskLevel.VERY_HIGH,
                        null,
                        today.plusMonths(2))))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("nextReview"));
        assertThat(plans.overdueReviews()).extracting(OverdueReview::code).doesNotContain(high.code(), low.code());

        clock.advance(Duration.ofDays(32));
        assertThat(plans.overdueReviews())
                .extracting(OverdueReview::code)
                .contains(high.code())
                .doesNotContain(low.code());
        assertThat(plans.summary(high.code()).orElseThrow().overdue()).isTrue();
        assertThat(plans.open(high.code()).reviewOverdue()).isTrue();
        assertThat(runAs.as("supervisor", () -> plans.overdueReviews()))
                .extracting(OverdueReview::code)
                .contains(high.code());

        // A review resets the schedule from today.
        plans.recordReview(high.code(), review(1));
        assertThat(plans.summary(high.code()).orElseThrow().nextReview()).isEqualTo(today().plusMonths(1));
        assertThat(plans.overdueReviews()).extracting(OverdueReview::code).doesNotContain(high.code());
    }

    static ReviewInput review(int score) {
        var scores = new EnumMap<RiskArea, Integer>(RiskArea.class);
        for (var area : RiskArea.values()) {
            scores.put(area, score);
        }
        return new ReviewInput(scores, Map.of(RiskArea.COOPERATION, "Attends every session"), null);
    }

    @Test
    @WithUserDetails("counsellor1")
    void structuredReviewsAreKeptOverTimeAndScoresOutsideZeroToTwoAreRefused() {
        var client = testClients.activeWith("counsellor1");
        assertThatThrownBy(() -> plans.recordReview(client.code(), review(1)))
                .isInstanceOf(InvalidFields.class)
                .hasMessageContaining("Write the plan");
        plans.save(
                new PlanSave(client.code(), 0, content("Goal", "Walk"), RiskLevel.LOW, RiskLevel.LOW, "First", null));
        assertThatThrownBy(() -> plans.recordReview(client.code(), review(3)))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("SOCIAL_INFLUENCES"));
        plans.recordReview(client.code(), new ReviewInput(review(2).scores(), Map.of(), null, today().minusMonths(2)));
        plans.recordReview(client.code(), review(1));
        var reviews = plans.open(client.code()).reviews();
        assertThat(reviews).extracting(ReviewView::total).containsExactly(10, 5);
        assertThat(reviews.getLast().comments()).containsEntry(RiskArea.COOPERATION, "Attends every session");
    }

    @Test
    @WithUserDetails("counsellor1")
    void theCounsellorIsPromptedToCheckInFromThreeDaysBeforeToTwoDaysAfterATriggerDate() {
        var client = testClients.activeWith("counsellor1");
        var hearing = today().plusDays(5);
        plans.addTriggerDate(client.code(), TriggerKind.COURT_HEARING, hearing, "Plea hearing");
        assertThat(plans.open(client.code()).triggerDates())
                .containsExactly(new TriggerDateView(TriggerKind.COURT_HEARING, hearing, "Plea hearing"));
        assertThat(plans.checkInsDue(3, 2)).extracting(CheckIn::code).doesNotContain(client.code());
        clock.advance(Duration.ofDays(2));
        assertThat(plans.checkInsDue(3, 2)).contains(new CheckIn(client.code(), TriggerKind.COURT_HEARING, hearing));
        assertThat(runAs.as("counsellor2", () -> plans.checkInsDue(3, 2)))
                .extracting(CheckIn::code)
                .doesNotContain(client.code());
        clock.advance(Duration.ofDays(5));
        assertThat(plans.checkInsDue(3, 2)).extracting(CheckIn::code).contains(client.code());
        clock.advance(Duration.ofDays(1));
        assertThat(plans.checkInsDue(3, 2)).extracting(CheckIn::code).doesNotContain(client.code());
    }

    @Test
    @WithUserDetails("counsellor1")
    void anotherCounsellorAndAnotherTeamsSupervisorCannotOpenOrChangeThePlan() {
        var client = testClients.activeWith("counsellor1");
        plans.save(
                new PlanSave(client.code(), 0, content("Goal", "Walk"), RiskLevel.LOW, RiskLevel.LOW, "First", null));
        for (var outsider : List.of("counsellor2", "supervisor2", "counsellor3")) {
            runAs.as(outsider, () -> {
                assertThatThrownBy(() -> plans.open(client.code())).isInstanceOf(ClientAccessDenied.class);
                assertThatThrownBy(() -> plans.save(new PlanSave(
                                client.code(), 1, content("x", "y"), RiskLevel.LOW, RiskLevel.LOW, null, null)))
                        .isInstanceOf(ClientAccessDenied.class);
                assertThatThrownBy(() -> plans.compare(client.code(), 1, 1)).isInstanceOf(ClientAccessDenied.class);
                assertThatThrownBy(() -> plans.summary(client.code())).isInstanceOf(ClientAccessDenied.class);
            });
        }
        assertThat(runAs.as("supervisor", () -> plans.open(client.code()))
                        .current()
                        .number())
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails("counsellor1")
    void thePdfNeedsAFreshConfirmationIsAuditedAndContainsThePlan() throws Exception {
        var client = testClients.activeWith("counsellor1");
        plans.save(new PlanSave(
                client.code(),
                0,
                content(
                        "Rebuild contact with my brother",
                        "Go for a walk",
                        new AgreedAction("Move the laptop to the living room", "Client", today().plusDays(7), false)),
                RiskLevel.MEDIUM,
                RiskLevel.LOW,
                "First",
                null));
        assertThatThrownBy(() -> plans.exportPdf(client.code())).isInstanceOf(AccessDeniedException.class);

        reAuthentication.confirm("casebook-demo-2026", TestCodes.code(TestCodes.DEMO_SECRET, clock.instant()));
        var pdf = plans.exportPdf(client.code());

        var reader = new PdfReader(pdf);
        var text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        reader.close();
        assertThat(text.toString())
                .contains(
                        "My risk-minimisation plan",
                        client.code(),
                        "Rebuild contact with my brother",
                        "Go for a walk",
                        "Move the laptop to the living room")
                .doesNotContain("Test Person");
        assertThat(jdbc.queryForObject(
                        "select action from audit_entry where client_ref = ? order by seq desc limit 1",
                        String.class,
                        client.code()))
                .isEqualTo("EXPORT");
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsDeniedByEveryPublicMethod() {
        var code = "ABC-DEF";
        List<Runnable> calls = List.of(
                () -> plans.open(code),
                () -> plans.summary(code),
                () -> plans.version(code, 1),
                () -> plans.save(new PlanSave(code, 0, content("g", "c"), RiskLevel.LOW, RiskLevel.LOW, "r", null)),
                () -> plans.compare(code, 1, 2),
                () -> plans.recordReview(code, review(1)),
                () -> plans.addTriggerDate(code, TriggerKind.ARREST, today(), null),
                () -> plans.exportPdf(code),
                () -> plans.overdueReviews(),
                () -> plans.overdueReviewCount(),
                () -> plans.checkInsDue(3, 2));
        assertThat(calls)
                .hasSize(PlanService.class.getDeclaredMethods().length
                        - (int) java.util.Arrays.stream(PlanService.class.getDeclaredMethods())
                                .filter(m -> !java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                                .count());
        calls.forEach(call -> assertThatThrownBy(call::run)
                .isInstanceOf(AccessDeniedException.class)
                .isNotInstanceOf(ClientAccessDenied.class));
    }

    @Test
    void riskFactsAreEmptyForClientsWithoutAPlan() {
        assertThat(riskFacts.riskSummaries(List.of(new ClientId(java.util.UUID.randomUUID()))))
                .isEmpty();
        assertThat(riskFacts.riskSummaries(List.of())).isEmpty();
    }
}
