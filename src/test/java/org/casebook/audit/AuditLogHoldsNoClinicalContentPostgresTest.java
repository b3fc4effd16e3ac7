package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casebook.PostgresTest;
import org.casebook.client.BreakGlassReview;
import org.casebook.client.BreakGlassReviews;
import org.casebook.client.ClientService;
import org.casebook.client.ConsentService;
import org.casebook.client.RiskLevel;
import org.casebook.client.ShareRecipient;
import org.casebook.client.TestClients;
import org.casebook.referral.NewReferral;
import org.casebook.referral.ReferralChoices.ChildAccess;
import org.casebook.referral.ReferralChoices.ClosureReason;
import org.casebook.referral.ReferralChoices.Concern;
import org.casebook.referral.ReferralChoices.LegalStatus;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralChoices.Urgency;
import org.casebook.referral.ReferralService;
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
import org.casebook.security.ReAuthentication;
import org.casebook.security.RunAsStaff;
import org.casebook.security.TestCodes;
import org.casebook.session.NoteText;
import org.casebook.session.SessionFixtures;
import org.casebook.session.SessionNoteService;
import org.casebook.supervision.SupervisionRecordDraft;
import org.casebook.supervision.SupervisionRecords;
import org.casebook.supervision.TeamDashboard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log keeps who, what, which record and when; never what someone typed or a clinical or criminal
 * fact. After the demo seeding (which ran when this context started) and a round of every action that takes
 * free text, with a planted marker in each text field and the most telling choices (very high risk, a child in
 * immediate danger, a sentencing date, a referral from probation), no column of any entry, nor the CSV export,
 * holds a marker, a demo reason, or a risk rating, category, outcome, recipient or source.
 */
class AuditLogHoldsNoClinicalContentPostgresTest extends PostgresTest {

    private static final String MARK = "ZZMARKER";
    private static final LocalDate SENTENCING = LocalDate.of(2026, 9, 17);
    /** The reason the load-data generator gives every entry it writes. */
    private static final String GENERATED = "generated load data";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    Clock clock;

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
    ReAuthentication reAuthentication;

    @Autowired
    PlanService plans;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    SessionNoteService notes;

    @Autowired
    TeamDashboard dashboard;

    @Autowired
    SupervisionRecords supervision;

    @Autowired
    AuditService audit;

    private static String mark(String field) {
        return MARK + "-" + field + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void noAuditColumnNorTheExportHoldsTypedTextOrClinicalFacts() {
        var today = LocalDate.now(clock);
        var supervisorId = testClients.id("supervisor");
        var casey = testClients.id("counsellor1");
        var robin = testClients.id("counsellor2");

        // Intake to closure, with every free-text field of a referral marked.
        var referral = new NewReferral(
                Source.PROBATION,
                mark("referrer"),
                today,
                mark("name"),
                1980,
                "ZZ9",
                "07700 900123",
                "zz.marker@example.invalid",
                mark("address"),
                true,
                false,
                false,
                false,
                mark("times"),
                mark("contact-notes"),
                Concern.ONLINE_OFFENDING,
                LegalStatus.CONVICTED,
                today.minusMonths(2),
                ChildAccess.NONE,
                true,
                mark("child"),
                true,
                true,
                Urgency.URGENT,
                mark("summary"));
        var received = runAs.as("supervisor", () -> referrals.receive(referral, true));
        runAs.as("supervisor", () -> {
            referrals.triage(received.code(), true, mark("triage"));
            referrals.addToWaitingList(received.code(), 1);
            referrals.assign(received.code(), casey, mark("assign"));
            referrals.exclude(received.code(), robin, mark("exclude"));
            referrals.close(received.code(), ClosureReason.MOVED_AWAY, mark("closing-summary"));
        });

        // A plan at very high risk, a sentencing date, a review; consent to share with probation.
        var client = testClients.activeWith("counsellor1");
        runAs.as("counsellor1", () -> {
            plans.save(new PlanSave(
                    client.code(),
                    0,
                    new PlanContent(
                            mark("goals"),
                            mark("triggers"),
                            mark("signs"),
                            mark("coping"),
                            mark("protective"),
                            mark("network"),
                            mark("conditions"),
                            List.of(new AgreedAction(mark("action"), mark("who"), today.plusDays(7), false))),
                    RiskLevel.VERY_HIGH,
                    RiskLevel.HIGH,
                    mark("rationale"),
                    null));
            plans.addTriggerDate(client.code(), TriggerKind.SENTENCING, SENTENCING, mark("trigger-note"));
            var scores = new java.util.EnumMap<RiskArea, Integer>(RiskArea.class);
            for (var area : RiskArea.values()) {
                scores.put(area, 2);
            }
            plans.recordReview(
                    client.code(), new ReviewInput(scores, Map.of(RiskArea.values()[0], mark("review")), null));
            consents.addShareConsent(client.code(), ShareRecipient.PROBATION, mark("named"), today);
        });

        // A child in immediate danger, decided and closed by the team's supervisor.
        var concern = runAs.as(
                "counsellor1",
                () -> safeguarding.raise(new NewConcern(
                        client.code(), mark("learned"), today, ConcernCategory.CHILD_AT_RISK, true, "client-page")));
        runAs.as("supervisor", () -> {
            safeguarding.decide(
                    concern,
                    new Decision(
                            DecisionOutcome.POLICE,
                            mark("reference"),
                            today,
                            mark("decision-rationale"),
                            mark("follow-up")));
            safeguarding.comment(concern, mark("comment"));
            safeguarding.close(concern, mark("closure"));
        });

        // A note with every section marked, signed, an addendum and a co-signature.
        var session = sessions.attended("counsellor1");
        runAs.as("counsellor1", () -> {
            var draft = notes.saveDraft(
                    session.appointment(),
                    null,
                    new NoteText(
                            mark("presentation"),
                            mark("themes"),
                            mark("risk-observations"),
                            mark("interventions"),
                            mark("agreed"),
                            mark("next"),
                            null));
            notes.sign(session.appointment(), draft.version());
            notes.addAddendum(session.appointment(), mark("addendum"));
        });
        runAs.as("supervisor", () -> notes.coSign(session.appointment(), mark("co-sign")));

        // Break-glass with a reason, its review escalated with a note; a reassignment; a supervision record.
        var robins = testClients.activeWith("counsellor2");
        runAs.as("counsellor1", () -> {
            reAuthentication.confirm("casebook-demo-2026", TestCodes.code(TestCodes.DEMO_SECRET, clock.instant()));
            clients.breakGlass(robins.code(), mark("break-glass") + " viewing images again");
        });
        runAs.as("supervisor", () -> {
            var pending = breakGlassReviews.queue().stream()
                    .filter(r -> r.clientCode().equals(robins.code()))
                    .filter(r -> r.outcome() == BreakGlassReview.Outcome.PENDING)
                    .findFirst()
                    .orElseThrow();
            breakGlassReviews.review(
                    pending.id(), pending.version(), BreakGlassReview.Outcome.ESCALATED, mark("escalation"));
            dashboard.reassign(robins.code(), casey, mark("reassign"));
            supervision.create(new SupervisionRecordDraft(
                    today, casey, List.of(client.code()), mark("discussion"), mark("actions")));
        });

        var export = new StringWriter();
        runAs.as("admin", () -> audit.exportCsv(AuditFilter.NONE, export));

        var findings = new ArrayList<String>();
        var forbidden = forbiddenText();
        // Generated load data (other classes share this database) writes entries dated across past months, one of
        // which may fall on the planted sentencing date; it holds no typed text, so it is left out of the scan.
        jdbc.query("select * from audit_entry where reason is distinct from '" + GENERATED + "' order by seq", rs -> {
            var columns = rs.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                if (columns.getColumnType(i) == java.sql.Types.BINARY
                        || columns.getColumnType(i) == java.sql.Types.VARBINARY) {
                    continue; // the chain's hashes
                }
                var value = rs.getString(i);
                if (value != null && forbidden.matcher(value).find()) {
                    findings.add("entry " + rs.getLong("seq") + ", " + columns.getColumnName(i) + ": " + value);
                }
            }
        });
        export.toString()
                .lines()
                .filter(line -> !line.endsWith("," + GENERATED + ","))
                .filter(line -> forbidden.matcher(line).find())
                .forEach(line -> findings.add("export: " + line));

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'BREAK_GLASS'", Integer.class))
                .as("the demo seeding and this test broke glass")
                .isGreaterThan(1);
        assertThat(findings).as("typed text or clinical facts in the audit log").isEmpty();
    }

    /**
     * Markers, every break-glass and escalation text on record (the demo's included), the sentencing date, and
     * the names of risk levels, concern categories, decision outcomes, share recipients, trigger kinds and
     * criminal-justice referral sources, as whole words.
     */
    private Pattern forbiddenText() {
        var alternatives = new ArrayList<String>();
        alternatives.add(Pattern.quote(MARK));
        alternatives.add(Pattern.quote(SENTENCING.toString()));
        // Every break-glass reason and escalation note on record, as the supervisors who review them read them.
        for (var supervisor : List.of("supervisor", "supervisor2")) {
            for (var review : runAs.as(supervisor, () -> breakGlassReviews.queue())) {
                alternatives.add(Pattern.quote(review.reason()));
                if (review.reviewNote() != null) {
                    alternatives.add(Pattern.quote(review.reviewNote()));
                }
            }
        }
        var words = new ArrayList<String>();
        for (var values : List.<Enum<?>[]>of(
                RiskLevel.values(),
                ConcernCategory.values(),
                DecisionOutcome.values(),
                ShareRecipient.values(),
                TriggerKind.values())) {
            for (var value : values) {
                if (!value.name().equals("OTHER") && !value.name().equals("GP")) { // too common as words
                    words.add(value.name());
                }
            }
        }
        for (var source : List.of(Source.PROBATION, Source.POLICE, Source.CHILDRENS_SERVICES, Source.SOLICITOR)) {
            words.add(source.name());
        }
        for (var status : LegalStatus.values()) {
            if (status.name().length() > 8) {
                words.add(status.name());
            }
        }
        words.addAll(List.of("immediate danger", "child at risk", "ONLINE_OFFENDING", "CONTACT_OFFENDING_HISTORY"));
        alternatives.add("\\b(" + String.join("|", words) + ")\\b");
        return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
    }
}
