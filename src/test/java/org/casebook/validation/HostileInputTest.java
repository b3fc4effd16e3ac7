package org.casebook.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.casebook.audit.AuditFilter;
import org.casebook.audit.AuditService;
import org.casebook.client.BreakGlassReview;
import org.casebook.client.BreakGlassReviews;
import org.casebook.client.ClientService;
import org.casebook.client.ConsentService;
import org.casebook.client.DemoBreakGlass;
import org.casebook.client.RiskLevel;
import org.casebook.client.ShareRecipient;
import org.casebook.client.TestClients;
import org.casebook.referral.NewReferral;
import org.casebook.referral.ReferralChoices.ClosureReason;
import org.casebook.referral.ReferralService;
import org.casebook.referral.Referrals;
import org.casebook.riskplan.AgreedAction;
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
import org.casebook.security.RunAsStaff;
import org.casebook.session.AppointmentService;
import org.casebook.session.Core10Entry;
import org.casebook.session.Core10Service;
import org.casebook.session.MeasurementPoint;
import org.casebook.session.Modality;
import org.casebook.session.NewAppointment;
import org.casebook.session.NoteText;
import org.casebook.session.SessionFixtures;
import org.casebook.session.SessionNoteService;
import org.casebook.supervision.SupervisionRecordDraft;
import org.casebook.supervision.SupervisionRecords;
import org.casebook.supervision.TeamDashboard;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a tampered client can send, at the service level: every date field gets dates no picker offers (year 1,
 * the largest and smallest dates Java knows, a century ahead), every text field five million characters, and
 * the fields that must say something get only invisible characters. Each is refused with a message naming its
 * field ({@link InvalidFields}), never an exception of another kind, and nothing is stored.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class HostileInputTest {

    /** What the review sent: more than five million characters into a plan's rationale. */
    static final String HUGE = "x".repeat(5_000_001);
    /** Zero-width space, word joiner, byte-order mark, Hangul filler, no-break space. */
    static final String INVISIBLE = "\u200B\u2060\uFEFF\u3164\u00A0";

    static final List<LocalDate> HOSTILE_DATES = List.of(
            LocalDate.of(1, 1, 1),
            LocalDate.MIN,
            LocalDate.MAX,
            LocalDate.of(1899, 12, 31),
            LocalDate.now().plusYears(100));

    @Autowired
    RunAsStaff runAs;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClients testClients;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    ReferralService referrals;

    @Autowired
    ClientService clients;

    @Autowired
    ConsentService consents;

    @Autowired
    BreakGlassReviews breakGlassReviews;

    @Autowired
    DemoBreakGlass pastBreakGlass;

    @Autowired
    PlanService plans;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    SessionNoteService notes;

    @Autowired
    AppointmentService appointments;

    @Autowired
    Core10Service core10;

    @Autowired
    SupervisionRecords supervision;

    @Autowired
    TeamDashboard dashboard;

    @Autowired
    AuditService audit;

    private record Case(String name, String user, String field, Runnable call) {}

    @TestFactory
    Stream<DynamicTest> everyDateAndTextFieldRefusesHostileValuesWithAMessageAtTheField() {
        var today = LocalDate.now(clock);
        var cases = new ArrayList<Case>();
        var casey = testClients.id("counsellor1");

        // Referral intake: every date and every text component of the command, found by reflection.
        for (RecordComponent component : NewReferral.class.getRecordComponents()) {
            if (component.getType() == String.class) {
                cases.add(new Case(
                        "referral " + component.getName() + " of 5 MB",
                        "supervisor",
                        component.getName(),
                        () -> referrals.receive(with(Referrals.valid(today), component.getName(), HUGE), true)));
            } else if (component.getType() == LocalDate.class) {
                for (var date : HOSTILE_DATES) {
                    cases.add(new Case(
                            "referral " + component.getName() + " " + date,
                            "supervisor",
                            component.getName(),
                            () -> referrals.receive(with(Referrals.valid(today), component.getName(), date), true)));
                }
            }
        }
        for (int year : new int[] {-999_999_999, 0, 1899, today.getYear() + 1, Integer.MAX_VALUE}) {
            cases.add(new Case(
                    "referral year of birth " + year,
                    "supervisor",
                    "yearOfBirth",
                    () -> referrals.receive(with(Referrals.valid(today), "yearOfBirth", year), true)));
        }
        cases.add(new Case(
                "referral name of invisible characters",
                "supervisor",
                "preferredName",
                () -> referrals.receive(with(Referrals.valid(today), "preferredName", INVISIBLE), true)));

        // Triage, assignment, exclusion and closure reasons.
        var waiting = testClients.waiting("counsellor1");
        var received = testClients.received("counsellor1");
        cases.add(new Case(
                "triage reason of 5 MB", "supervisor", "reason", () -> referrals.triage(received.code(), true, HUGE)));
        cases.add(new Case(
                "assignment reason of 5 MB",
                "supervisor",
                "reason",
                () -> referrals.assign(waiting.code(), casey, HUGE)));
        cases.add(new Case(
                "exclusion reason of 5 MB",
                "supervisor",
                "reason",
                () -> referrals.exclude(waiting.code(), testClients.id("counsellor2"), HUGE)));
        cases.add(new Case(
                "closing summary of 5 MB",
                "supervisor",
                "summary",
                () -> referrals.close(waiting.code(), ClosureReason.MOVED_AWAY, HUGE)));

        // Break-glass: the reason is checked before anything else.
        var robins = testClients.activeWith("counsellor2");
        cases.add(new Case(
                "break-glass reason of 5 MB", "counsellor1", "reason", () -> clients.breakGlass(robins.code(), HUGE)));
        cases.add(new Case(
                "break-glass reason of invisible characters",
                "counsellor1",
                "reason",
                () -> clients.breakGlass(robins.code(), INVISIBLE.repeat(5))));
        pastBreakGlass.recordPast(
                robins.code(), casey, "Rang the duty line in crisis (test)", java.time.Duration.ofHours(2));
        var grant = runAs.as(
                "supervisor",
                () -> breakGlassReviews.queue().stream()
                        .filter(r ->
                                r.clientCode().equals(robins.code()) && r.outcome() == BreakGlassReview.Outcome.PENDING)
                        .findFirst()
                        .orElseThrow());
        cases.add(new Case(
                "break-glass escalation note of 5 MB",
                "supervisor",
                "note",
                () -> breakGlassReviews.review(grant.id(), grant.version(), BreakGlassReview.Outcome.ESCALATED, HUGE)));

        // Consent.
        var client = testClients.activeWith("counsellor1");
        cases.add(new Case(
                "share consent named of 5 MB",
                "counsellor1",
                "named",
                () -> consents.addShareConsent(client.code(), ShareRecipient.GP, HUGE, today)));
        cases.add(new Case(
                "share consent named of invisible characters",
                "counsellor1",
                "named",
                () -> consents.addShareConsent(client.code(), ShareRecipient.GP, INVISIBLE, today)));
        for (var date : HOSTILE_DATES) {
            cases.add(new Case(
                    "share consent given " + date,
                    "counsellor1",
                    "givenOn",
                    () -> consents.addShareConsent(client.code(), ShareRecipient.GP, "Dr Example (fictional)", date)));
            cases.add(new Case(
                    "agreement published " + date,
                    "supervisor",
                    "publishedOn",
                    () -> consents.publishVersion(
                            "hostile-" + UUID.randomUUID().toString().substring(0, 8),
                            "A fictional agreement text long enough to be accepted as one, for a test.",
                            date)));
        }

        // The risk-minimisation plan.
        runAs.as(
                "counsellor1",
                () -> plans.save(new PlanSave(
                        client.code(),
                        0,
                        new PlanContent("Goal", null, null, "Walk", null, null, null, List.of()),
                        RiskLevel.LOW,
                        RiskLevel.LOW,
                        "First ratings",
                        null)));
        cases.add(new Case(
                "plan rationale of 5 MB",
                "counsellor1",
                "rationale",
                () -> plans.save(new PlanSave(
                        client.code(), 1, PlanContent.empty(), RiskLevel.HIGH, RiskLevel.LOW, HUGE, null))));
        cases.add(new Case(
                "plan section of 5 MB",
                "counsellor1",
                "section0",
                () -> plans.save(new PlanSave(
                        client.code(),
                        1,
                        new PlanContent(HUGE, null, null, null, null, null, null, List.of()),
                        RiskLevel.LOW,
                        RiskLevel.LOW,
                        null,
                        null))));
        cases.add(new Case(
                "plan action of 5 MB",
                "counsellor1",
                "actions",
                () -> plans.save(new PlanSave(
                        client.code(),
                        1,
                        new PlanContent(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(new AgreedAction(HUGE, null, null, false))),
                        RiskLevel.LOW,
                        RiskLevel.LOW,
                        null,
                        null))));
        cases.add(new Case(
                "plan action's who of 5 MB",
                "counsellor1",
                "actions",
                () -> plans.save(new PlanSave(
                        client.code(),
                        1,
                        new PlanContent(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(new AgreedAction("Ring my brother", HUGE, null, false))),
                        RiskLevel.LOW,
                        RiskLevel.LOW,
                        null,
                        null))));
        var scores = new EnumMap<RiskArea, Integer>(RiskArea.class);
        Arrays.stream(RiskArea.values()).forEach(area -> scores.put(area, 1));
        var firstArea = RiskArea.values()[0];
        cases.add(new Case(
                "review comment of 5 MB",
                "counsellor1",
                firstArea.name(),
                () -> plans.recordReview(client.code(), new ReviewInput(scores, Map.of(firstArea, HUGE), null))));
        cases.add(new Case(
                "trigger date note of 5 MB",
                "counsellor1",
                "note",
                () -> plans.addTriggerDate(client.code(), TriggerKind.COURT_HEARING, today.plusDays(3), HUGE)));
        for (var date : HOSTILE_DATES) {
            cases.add(new Case(
                    "plan next review " + date,
                    "counsellor1",
                    "nextReview",
                    () -> plans.save(new PlanSave(
                            client.code(), 1, PlanContent.empty(), RiskLevel.LOW, RiskLevel.LOW, null, date))));
            cases.add(new Case(
                    "plan action by " + date,
                    "counsellor1",
                    "actions",
                    () -> plans.save(new PlanSave(
                            client.code(),
                            1,
                            new PlanContent(
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    List.of(new AgreedAction("Ring my brother", null, date, false))),
                            RiskLevel.LOW,
                            RiskLevel.LOW,
                            null,
                            null))));
            cases.add(new Case(
                    "review held " + date,
                    "counsellor1",
                    "heldOn",
                    () -> plans.recordReview(client.code(), new ReviewInput(scores, Map.of(), null, date))));
            cases.add(new Case(
                    "review next " + date,
                    "counsellor1",
                    "nextReview",
                    () -> plans.recordReview(client.code(), new ReviewInput(scores, Map.of(), date))));
            cases.add(new Case(
                    "trigger date " + date,
                    "counsellor1",
                    "date",
                    () -> plans.addTriggerDate(client.code(), TriggerKind.SENTENCING, date, null)));
        }

        // Safeguarding.
        var concern = runAs.as(
                "counsellor1",
                () -> safeguarding.raise(new NewConcern(
                        client.code(),
                        "Fictional concern for a test",
                        today,
                        ConcernCategory.OTHER,
                        false,
                        "client-page")));
        cases.add(new Case(
                "concern text of 5 MB",
                "counsellor1",
                "whatWasLearned",
                () -> safeguarding.raise(
                        new NewConcern(client.code(), HUGE, today, ConcernCategory.OTHER, false, "client-page"))));
        cases.add(new Case(
                "concern text of invisible characters",
                "counsellor1",
                "whatWasLearned",
                () -> safeguarding.raise(
                        new NewConcern(client.code(), INVISIBLE, today, ConcernCategory.OTHER, false, "client-page"))));
        cases.add(new Case(
                "concern comment of 5 MB", "counsellor1", "comment", () -> safeguarding.comment(concern, HUGE)));
        cases.add(new Case(
                "concern comment of invisible characters",
                "counsellor1",
                "comment",
                () -> safeguarding.comment(concern, INVISIBLE)));
        cases.add(new Case(
                "decision reference of 5 MB",
                "supervisor",
                "reference",
                () -> safeguarding.decide(concern, new Decision(DecisionOutcome.POLICE, HUGE, today, null, null))));
        cases.add(new Case(
                "decision rationale of 5 MB",
                "supervisor",
                "rationale",
                () -> safeguarding.decide(
                        concern, new Decision(DecisionOutcome.NO_FURTHER_ACTION, null, null, HUGE, null))));
        cases.add(new Case(
                "decision follow-up of 5 MB",
                "supervisor",
                "followUp",
                () -> safeguarding.decide(
                        concern,
                        new Decision(DecisionOutcome.NO_FURTHER_ACTION, null, null, "Fictional rationale", HUGE))));
        for (var date : HOSTILE_DATES) {
            cases.add(new Case(
                    "concern learned " + date,
                    "counsellor1",
                    "learnedOn",
                    () -> safeguarding.raise(new NewConcern(
                            client.code(), "Fictional concern", date, ConcernCategory.OTHER, false, "client-page"))));
            cases.add(new Case(
                    "decision referred " + date,
                    "supervisor",
                    "referredOn",
                    () -> safeguarding.decide(
                            concern, new Decision(DecisionOutcome.POLICE, "REF-1", date, null, null))));
        }

        // Sessions: appointments, notes, CORE-10.
        var signed = sessions.signed("counsellor1", "Fictional presentation");
        cases.add(new Case(
                "appointment location of 5 MB",
                "counsellor1",
                "location",
                () -> appointments.book(
                        client.code(),
                        new NewAppointment(LocalDateTime.now(clock).plusDays(2), 50, Modality.IN_PERSON, HUGE),
                        true)));
        cases.add(new Case(
                "appointment location of invisible characters",
                "counsellor1",
                "location",
                () -> appointments.book(
                        client.code(),
                        new NewAppointment(LocalDateTime.now(clock).plusDays(2), 50, Modality.IN_PERSON, INVISIBLE),
                        true)));
        for (var start : List.of(
                LocalDateTime.MIN,
                LocalDateTime.MAX,
                LocalDateTime.of(1, 1, 1, 10, 0),
                LocalDateTime.now(clock).plusYears(100))) {
            cases.add(new Case(
                    "appointment at " + start,
                    "counsellor1",
                    "start",
                    () -> appointments.book(client.code(), new NewAppointment(start, 50, Modality.VIDEO, null), true)));
        }
        var attended = sessions.attended("counsellor1");
        for (var section :
                List.of("presentation", "themes", "riskObservations", "interventions", "agreedActions", "nextPlan")) {
            cases.add(new Case(
                    "note " + section + " of 5 MB",
                    "counsellor1",
                    section,
                    () -> notes.saveDraft(attended.appointment(), null, with(NoteText.empty(), section, HUGE))));
        }
        cases.add(new Case(
                "addendum of 5 MB", "counsellor1", "addendum", () -> notes.addAddendum(signed.appointment(), HUGE)));
        cases.add(new Case(
                "addendum of invisible characters",
                "counsellor1",
                "addendum",
                () -> notes.addAddendum(signed.appointment(), INVISIBLE)));
        cases.add(new Case(
                "co-signature comment of 5 MB",
                "supervisor",
                "comment",
                () -> notes.coSign(signed.appointment(), HUGE)));
        var items = java.util.Collections.nCopies(10, (Integer) 1);
        for (var date : HOSTILE_DATES) {
            cases.add(new Case(
                    "CORE-10 taken " + date,
                    "counsellor1",
                    "measuredOn",
                    () -> core10.record(client.code(), new Core10Entry(date, MeasurementPoint.REVIEW, items))));
        }

        // Supervision.
        cases.add(new Case(
                "supervision discussion of 5 MB",
                "supervisor",
                "discussion",
                () -> supervision.create(new SupervisionRecordDraft(today, casey, List.of(), HUGE, null))));
        cases.add(new Case(
                "supervision discussion of invisible characters",
                "supervisor",
                "discussion",
                () -> supervision.create(new SupervisionRecordDraft(today, casey, List.of(), INVISIBLE, null))));
        cases.add(new Case(
                "supervision actions of 5 MB",
                "supervisor",
                "agreedActions",
                () -> supervision.create(new SupervisionRecordDraft(today, casey, List.of(), "Discussed", HUGE))));
        cases.add(new Case(
                "reassignment reason of 5 MB",
                "supervisor",
                "reason",
                () -> dashboard.reassign(client.code(), testClients.id("counsellor2"), HUGE)));
        for (var date : HOSTILE_DATES) {
            cases.add(new Case(
                    "supervision held " + date,
                    "supervisor",
                    "heldOn",
                    () -> supervision.create(new SupervisionRecordDraft(date, casey, List.of(), "Discussed", null))));
        }

        // The audit log's filter (the review overflowed its arithmetic).
        for (var date : HOSTILE_DATES) {
            cases.add(new Case(
                    "audit search from " + date,
                    "admin",
                    "from",
                    () -> audit.search(
                            new AuditFilter(null, null, null, date, null),
                            org.springframework.data.domain.PageRequest.of(0, 10))));
            cases.add(new Case(
                    "audit export to " + date,
                    "admin",
                    "to",
                    () -> audit.exportCsv(new AuditFilter(null, null, null, null, date), new java.io.StringWriter())));
        }

        var storedBefore = storedRows();
        return Stream.concat(
                cases.stream()
                        .map(c -> DynamicTest.dynamicTest(
                                c.name(),
                                () -> assertThatThrownBy(() -> runAs.as(c.user(), c.call()))
                                        .as(c.name())
                                        .isInstanceOfSatisfying(
                                                InvalidFields.class,
                                                refused -> assertThat(refused.fieldErrors())
                                                        .as("the fields named")
                                                        .containsKey(c.field())))),
                Stream.of(DynamicTest.dynamicTest(
                        "nothing hostile was stored",
                        () -> assertThat(storedRows()).isEqualTo(storedBefore))));
    }

    /** Rows of the tables the cases above would have written to. */
    private Map<String, Integer> storedRows() {
        var counts = new java.util.TreeMap<String, Integer>();
        for (var table : List.of(
                "client",
                "referral",
                "risk_plan_version",
                "risk_review",
                "risk_trigger_date",
                "safeguarding_concern",
                "safeguarding_decision",
                "safeguarding_comment",
                "appointment",
                "session_note",
                "session_note_addendum",
                "core10_score",
                "supervision_record",
                "share_consent",
                "agreement_version",
                "break_glass_access")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        return counts;
    }

    /** A copy of the record with one component replaced. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) {
        try {
            var components = record.getClass().getRecordComponents();
            var types = new Class<?>[components.length];
            var values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component)
                        ? value
                        : components[i].getAccessor().invoke(record);
            }
            var constructor = record.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return (R) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
