package org.casebook.riskplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.casebook.MutableClock;
import org.casebook.client.ChildAtRiskReported;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.TestClients;
import org.casebook.security.ReAuthentication;
import org.casebook.security.RunAsStaff;
import org.casebook.security.TestCodes;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class SafeguardingServiceTest {

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    ClientService clients;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    ReAuthentication reAuthentication;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    static final String SUPERVISOR_NAME = "Sam Supervisor (demo)";

    @BeforeEach
    void clearSignInState() {
        clock.advance(Duration.ofMinutes(1));
        jdbc.update(
                "update staff_account set totp_last_step = null, failed_attempts = 0, failed_codes = 0, locked_until = null");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }

    private NewConcern concern(String code, boolean immediate) {
        return new NewConcern(
                code,
                "Client said a neighbour's child is left with him",
                today(),
                ConcernCategory.CHILD_AT_RISK,
                immediate,
                "client-page");
    }

    private static int position(List<ConcernRow> rows, UUID id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @WithUserDetails("counsellor1")
    void aNewConcernReachesEverySupervisorsQueueAtOnceImmediateDangerFirst() {
        var client = testClients.activeWith("counsellor1");
        var routine = safeguarding.raise(new NewConcern(
                client.code(),
                "Disclosed an offence",
                today(),
                ConcernCategory.OFFENCE_DISCLOSED,
                false,
                "session-note"));
        var urgent = safeguarding.raise(concern(client.code(), true));

        var teamQueue = runAs.as("supervisor", () -> safeguarding.queue(false));
        assertThat(position(teamQueue, urgent)).isNotNegative().isLessThan(position(teamQueue, routine));
        assertThat(teamQueue.get(position(teamQueue, urgent)).myTeam()).isTrue();
        assertThat(teamQueue.get(position(teamQueue, urgent)).status()).isEqualTo(ConcernStatus.OPEN);
        // Every supervisor's queue: the other team's lead sees that it exists, not whose team it is.
        var otherQueue = runAs.as("supervisor2", () -> safeguarding.queue(false));
        assertThat(position(otherQueue, urgent)).isNotNegative().isLessThan(position(otherQueue, routine));
        assertThat(otherQueue.get(position(otherQueue, urgent)).myTeam()).isFalse();
        var counts = runAs.as("supervisor", () -> safeguarding.openConcerns());
        assertThat(counts.open()).isGreaterThanOrEqualTo(2);
        assertThat(counts.immediate()).isGreaterThanOrEqualTo(1);
        assertThat(safeguarding.raisedByMe()).extracting(ConcernRow::id).contains(urgent, routine);
        assertThat(jdbc.queryForObject(
                        "select action from audit_entry where record_id = ? order by seq desc limit 1",
                        String.class,
                        urgent.toString()))
                .isEqualTo("SAFEGUARDING_RAISED");
        assertThatThrownBy(() -> safeguarding.queue(false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void raisingChecksTheInput() {
        var client = testClients.activeWith("counsellor1");
        assertThatThrownBy(() -> safeguarding.raise(
                        new NewConcern(client.code(), " ", today(), ConcernCategory.OTHER, false, "client-page")))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("whatWasLearned"));
        assertThatThrownBy(() -> safeguarding.raise(new NewConcern(
                        client.code(), "Text", today().plusDays(1), ConcernCategory.OTHER, false, "client-page")))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("learnedOn"));
        assertThatThrownBy(() -> safeguarding.raise(
                        new NewConcern(client.code(), "Text", today(), ConcernCategory.OTHER, false, "gossip")))
                .isInstanceOf(InvalidFields.class);
        var theirs = testClients.activeWith("counsellor2");
        assertThatThrownBy(() -> safeguarding.raise(concern(theirs.code(), false)))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void onlyThePeopleHandlingAConcernReadItsTextOthersSeeThatItExists() {
        var client = testClients.activeWith("counsellor1");
        var id = safeguarding.raise(concern(client.code(), true));

        assertThat(safeguarding.open(id).whatWasLearned())
                .isEqualTo("Client said a neighbour's child is left with him");
        assertThat(runAs.as("supervisor", () -> safeguarding.open(id)).canDecide())
                .isTrue();
        for (var outsider : List.of("counsellor2", "supervisor2", "counsellor3")) {
            runAs.as(outsider, () -> {
                assertThatThrownBy(() -> safeguarding.open(id)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> safeguarding.forClient(client.code())).isInstanceOf(ClientAccessDenied.class);
                assertThatThrownBy(() -> safeguarding.comment(id, "More")).isInstanceOf(AccessDeniedException.class);
            });
        }
        // A counsellor who opened the client by break-glass sees that a concern exists, not what it says.
        runAs.as("counsellor2", () -> {
            reAuthentication.confirm("casebook-demo-2026", TestCodes.code(TestCodes.DEMO_SECRET, clock.instant()));
            clients.breakGlass(client.code(), "Client rang in crisis while Casey is away");
            assertThat(safeguarding.forClient(client.code()))
                    .extracting(ConcernRow::id)
                    .containsExactly(id);
            assertThatThrownBy(() -> safeguarding.open(id)).isInstanceOf(ConcernHidden.class);
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where record_id = ? and outcome = 'DENIED'",
                        Integer.class,
                        id.toString()))
                .isPositive();
        // The client's counsellor reads a concern someone else raised.
        var bySupervisor = runAs.as("supervisor", () -> safeguarding.raise(concern(client.code(), false)));
        assertThat(safeguarding.open(bySupervisor).raisedBy()).isEqualTo(SUPERVISOR_NAME);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aSupervisorDecidesOnceWithAReferenceOrARationaleThenCloses() {
        var client = testClients.activeWith("counsellor1");
        var id = safeguarding.raise(concern(client.code(), true));
        assertThatThrownBy(() ->
                        safeguarding.decide(id, new Decision(DecisionOutcome.POLICE, "REF-1", today(), null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> safeguarding.close(id, null)).isInstanceOf(AccessDeniedException.class);

        runAs.as("supervisor", () -> {
            assertThatThrownBy(() -> safeguarding.close(id, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("decision");
            assertThatThrownBy(() ->
                            safeguarding.decide(id, new Decision(DecisionOutcome.POLICE, " ", today(), null, null)))
                    .isInstanceOfSatisfying(
                            InvalidFields.class,
                            e -> assertThat(e.fieldErrors()).containsOnlyKeys("reference"));
            assertThatThrownBy(
                            () -> safeguarding.decide(id, new Decision(DecisionOutcome.LADO, "L-9", null, null, null)))
                    .isInstanceOfSatisfying(
                            InvalidFields.class,
                            e -> assertThat(e.fieldErrors()).containsOnlyKeys("referredOn"));
            assertThatThrownBy(() -> safeguarding.decide(
                            id, new Decision(DecisionOutcome.NO_FURTHER_ACTION, null, null, " ", null)))
                    .isInstanceOfSatisfying(
                            InvalidFields.class,
                            e -> assertThat(e.fieldErrors()).containsOnlyKeys("rationale"));
            assertThatThrownBy(() -> runAs.as(
                            "supervisor2",
                            () -> safeguarding.decide(
                                    id, new Decision(DecisionOutcome.POLICE, "REF-2", today(), null, null))))
                    .isInstanceOf(ClientAccessDenied.class);

            safeguarding.decide(
                    id,
                    new Decision(
                            DecisionOutcome.CHILDRENS_SERVICES,
                            "CS-2026-77",
                            today(),
                            null,
                            "Counsellor to tell the client at the next session"));
            assertThatThrownBy(() -> safeguarding.decide(
                            id, new Decision(DecisionOutcome.NO_FURTHER_ACTION, null, null, "Changed my mind", null)))
                    .isInstanceOf(IllegalStateException.class);
            safeguarding.comment(id, "Children's services visited on Friday");
            safeguarding.close(id, "Plan in place");
            assertThatThrownBy(() -> safeguarding.close(id, "again")).isInstanceOf(IllegalStateException.class);
        });

        var detail = safeguarding.open(id);
        assertThat(detail.whatWasLearned()).isEqualTo("Client said a neighbour's child is left with him");
        assertThat(detail.row().status()).isEqualTo(ConcernStatus.CLOSED);
        assertThat(detail.decision().outcome()).isEqualTo(DecisionOutcome.CHILDRENS_SERVICES);
        assertThat(detail.decision().reference()).isEqualTo("CS-2026-77");
        assertThat(detail.decision().followUp()).isEqualTo("Counsellor to tell the client at the next session");
        assertThat(detail.comments())
                .extracting(ConcernDetail.CommentView::text)
                .containsExactly("Children's services visited on Friday");
        assertThat(detail.closure().note()).isEqualTo("Plan in place");
        assertThat(runAs.as("supervisor", () -> safeguarding.queue(false)))
                .extracting(ConcernRow::id)
                .doesNotContain(id);
        assertThat(runAs.as("supervisor", () -> safeguarding.queue(true)))
                .extracting(ConcernRow::id)
                .contains(id);
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where record_id = ? order by seq", String.class, id.toString()))
                .contains("SAFEGUARDING_RAISED", "SAFEGUARDING_DECIDED", "ADDENDUM", "SAFEGUARDING_CLOSED");
    }

    @Test
    @WithUserDetails("counsellor1")
    void aConcernIsWriteOnceNoServiceMethodEditsOrDeletesIt() {
        var editing = java.util.Arrays.stream(SafeguardingService.class.getMethods())
                .map(java.lang.reflect.Method::getName)
                .filter(name -> name.matches("(?i).*(update|edit|delete|remove|change|amend).*"))
                .toList();
        assertThat(editing).isEmpty();
        var client = testClients.activeWith("counsellor1");
        var id = safeguarding.raise(concern(client.code(), false));
        var sealedBefore =
                jdbc.queryForObject("select what_learned from safeguarding_concern where id = ?", byte[].class, id);
        safeguarding.comment(id, "Later: the child has moved away");
        assertThat(jdbc.queryForObject("select what_learned from safeguarding_concern where id = ?", byte[].class, id))
                .isEqualTo(sealedBefore);
        assertThat(new String(sealedBefore, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("neighbour");
    }

    @Test
    void aChildAtRiskReportOpensAConcernInTheReportingTransactionAndRollsBackWithIt() {
        var client = testClients.activeWith("counsellor1");
        runAs.as(
                "supervisor",
                () -> transaction.executeWithoutResult(tx -> events.publishEvent(new ChildAtRiskReported(
                        client.id(), client.code(), "Referrer named a child at risk", true, today(), "referral"))));
        var concerns = runAs.as("supervisor", () -> safeguarding.forClient(client.code()));
        assertThat(concerns).singleElement().satisfies(c -> {
            assertThat(c.category()).isEqualTo(ConcernCategory.CHILD_AT_RISK);
            assertThat(c.immediate()).isTrue();
        });
        assertThat(runAs.as(
                                "supervisor",
                                () -> safeguarding.open(concerns.getFirst().id()))
                        .source())
                .isEqualTo("referral");

        var other = testClients.activeWith("counsellor1");
        assertThatThrownBy(() -> runAs.as(
                        "supervisor",
                        () -> transaction.executeWithoutResult(tx -> {
                            events.publishEvent(new ChildAtRiskReported(
                                    other.id(), other.code(), "Named child", false, today(), "referral"));
                            throw new IllegalStateException("the referral failed to save");
                        })))
                .isInstanceOf(IllegalStateException.class);
        assertThat(runAs.as("supervisor", () -> safeguarding.forClient(other.code())))
                .isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsDeniedByEveryPublicMethod() {
        var id = UUID.randomUUID();
        List<Runnable> calls = List.of(
                () -> safeguarding.raise(concern("ABC-DEF", true)),
                () -> safeguarding.queue(false),
                () -> safeguarding.openConcerns(),
                () -> safeguarding.raisedByMe(),
                () -> safeguarding.forClient("ABC-DEF"),
                () -> safeguarding.open(id),
                () -> safeguarding.concernId("not-an-id"),
                () -> safeguarding.decide(id, new Decision(DecisionOutcome.POLICE, "R", today(), null, null)),
                () -> safeguarding.comment(id, "text"),
                () -> safeguarding.close(id, null));
        assertThat(calls).hasSize((int) java.util.Arrays.stream(SafeguardingService.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .count());
        calls.forEach(call -> assertThatThrownBy(call::run)
                .isInstanceOf(AccessDeniedException.class)
                .isNotInstanceOf(ClientAccessDenied.class)
                .isNotInstanceOf(ConcernHidden.class));
    }

    @Test
    @WithUserDetails("supervisor")
    void aMalformedConcernIdIsRefusedAndAuditedLikeAnUnknownOne() {
        var asked = "../../" + "z".repeat(300);
        assertThatThrownBy(() -> safeguarding.concernId(asked))
                .isInstanceOf(ClientAccessDenied.class)
                .hasMessage(ClientAccessDenied.MESSAGE);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where record_type = 'safeguarding-concern' "
                                + "and outcome = 'DENIED' and record_id like '../../zzzz%~%'",
                        Integer.class))
                .isEqualTo(1);
    }
}
