package org.casebook.dataprotection;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.casebook.client.ClientId;
import org.casebook.client.ClientRecords;
import org.casebook.client.ClientService;
import org.casebook.client.ConsentService;
import org.casebook.client.RiskLevel;
import org.casebook.client.ShareRecipient;
import org.casebook.referral.NewReferral;
import org.casebook.referral.ReferralChoices;
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
import org.casebook.security.RunAsStaff;
import org.casebook.security.StaffDirectory;
import org.casebook.session.AppointmentService;
import org.casebook.session.Attendance;
import org.casebook.session.Core10Entry;
import org.casebook.session.Core10Service;
import org.casebook.session.MeasurementPoint;
import org.casebook.session.Modality;
import org.casebook.session.NewAppointment;
import org.casebook.session.NoteText;
import org.casebook.session.SessionNoteService;
import org.casebook.supervision.SupervisionRecordDraft;
import org.casebook.supervision.SupervisionRecords;
import org.casebook.time.CharityClock;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A client whose record has something in every place Casebook keeps text about a person, each a planted marker
 * (fictional), made through the real services by the people who would make it: a GP's referral naming a child,
 * triage, assignment, an in-person session with a signed note, an addendum and a co-sign, CORE-10, two plan
 * versions with actions, a structured review, a trigger date, a safeguarding concern referred to the police with
 * a comment and a closure, a consent to share, an exclusion, a break-glass opening and its review, a supervision
 * record about this client alone, and a closing summary. The markers start with the prefix the build's log scan
 * looks for, so they may never appear in a log either.
 */
@Component
@Profile("test & demo")
class FullRecord {

    static final String PREFIX = "PLANTED-CLINICAL-MARKER-dp";

    /** The modules of the counsellor's week, planted too so that their erasure steps are proven. */
    @org.springframework.beans.factory.annotation.Autowired
    org.casebook.tasks.TaskService tasks;

    @org.springframework.beans.factory.annotation.Autowired
    org.casebook.contacts.ContactService contacts;

    @org.springframework.beans.factory.annotation.Autowired
    org.casebook.documents.DocumentService documents;

    private final ReferralService referrals;
    private final ClientRecords records;
    private final ClientService clients;
    private final ConsentService consents;
    private final AppointmentService appointments;
    private final SessionNoteService notes;
    private final Core10Service core10;
    private final PlanService plans;
    private final SafeguardingService safeguarding;
    private final SupervisionRecords supervision;
    private final StaffDirectory staff;
    private final RunAsStaff runAs;
    private final TransactionTemplate transaction;
    private final CharityClock charity;
    private final org.casebook.security.ReAuthentication reAuthentication;
    private final java.time.Clock clock;

    FullRecord(
            org.casebook.security.ReAuthentication reAuthentication,
            java.time.Clock clock,
            ReferralService referrals,
            ClientRecords records,
            ClientService clients,
            ConsentService consents,
            AppointmentService appointments,
            SessionNoteService notes,
            Core10Service core10,
            PlanService plans,
            SafeguardingService safeguarding,
            SupervisionRecords supervision,
            StaffDirectory staff,
            RunAsStaff runAs,
            TransactionTemplate transaction,
            CharityClock charity) {
        this.referrals = referrals;
        this.records = records;
        this.clients = clients;
        this.consents = consents;
        this.appointments = appointments;
        this.notes = notes;
        this.core10 = core10;
        this.plans = plans;
        this.safeguarding = safeguarding;
        this.supervision = supervision;
        this.staff = staff;
        this.runAs = runAs;
        this.transaction = transaction;
        this.charity = charity;
        this.reAuthentication = reAuthentication;
        this.clock = clock;
    }

    /** What was planted: the personal details and every clinical marker. */
    record Planted(
            String code, ClientId id, String name, String phone, String email, String address, List<String> markers) {

        List<String> everything() {
            var all = new ArrayList<String>(markers);
            all.addAll(List.of(name, phone, email, address));
            return all;
        }
    }

    /** An active client of counsellor1 (supervisor's team) with every kind of record; not closed. */
    Planted active() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var markers = new ArrayList<String>();
        java.util.function.Function<String, String> plant = what -> {
            var marker = PREFIX + "-" + what + "-" + tag;
            markers.add(marker);
            return marker;
        };
        var name = "Dp Person " + tag + " (fictional)";
        var phone =
                "07700 9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100000));
        var email = "dp-" + tag + "@example.invalid";
        var address = "1 Fictional Street " + tag;
        var today = charity.today();
        var received = runAs.as(
                "counsellor1",
                () -> referrals.receive(
                        new NewReferral(
                                ReferralChoices.Source.GP,
                                plant.apply("referrer"),
                                today,
                                name,
                                1981,
                                "ZZ9",
                                phone,
                                email,
                                address,
                                true,
                                false,
                                false,
                                false,
                                plant.apply("best-times"),
                                plant.apply("contact-notes"),
                                ReferralChoices.Concern.THOUGHTS_OR_URGES,
                                ReferralChoices.LegalStatus.NONE_KNOWN,
                                null,
                                ReferralChoices.ChildAccess.NONE,
                                true,
                                plant.apply("child-details"),
                                false,
                                false,
                                ReferralChoices.Urgency.ROUTINE,
                                plant.apply("summary")),
                        true));
        var code = received.code();
        var counsellor1 = staff.findByUsername("counsellor1").orElseThrow().id();
        runAs.as("supervisor", () -> {
            referrals.triage(code, true, plant.apply("triage"));
            referrals.addToWaitingList(code, 2);
            referrals.assign(code, counsellor1, plant.apply("assignment"));
        });
        var id = runAs.as("counsellor1", () -> clients.open(code).access().id());
        transaction.executeWithoutResult(
                tx -> records.moveTo(id, org.casebook.client.CaseStatus.ACTIVE, plant.apply("first-session")));
        var start = LocalDateTime.of(today.minusDays(1), java.time.LocalTime.of(10, 0));
        var appointment = runAs.as(
                "counsellor1",
                () -> appointments
                        .book(code, new NewAppointment(start, 50, Modality.IN_PERSON, plant.apply("location")), true)
                        .id());
        runAs.as("counsellor1", () -> {
            appointments.recordOutcome(appointment, Attendance.ATTENDED);
            notes.saveDraft(
                    appointment,
                    null,
                    new NoteText(
                            plant.apply("presentation"),
                            plant.apply("themes"),
                            plant.apply("risk-observations"),
                            plant.apply("interventions"),
                            plant.apply("agreed-actions"),
                            plant.apply("next-plan"),
                            null));
            notes.sign(
                    appointment,
                    java.util.Objects.requireNonNull(notes.open(appointment).version()));
            notes.addAddendum(appointment, plant.apply("addendum"));
            core10.record(code, new Core10Entry(today, MeasurementPoint.INTAKE, List.of(1, 2, 3, 0, 1, 2, 3, 0, 1, 2)));
            consents.addShareConsent(code, ShareRecipient.GP, plant.apply("share-named"), today);
            plans.save(new PlanSave(
                    code,
                    0,
                    new PlanContent(
                            plant.apply("goals"),
                            plant.apply("triggers"),
                            plant.apply("warning-signs"),
                            plant.apply("coping"),
                            plant.apply("protective"),
                            plant.apply("support"),
                            plant.apply("external"),
                            List.of(new AgreedAction(
                                    plant.apply("action"), plant.apply("action-who"), today.plusDays(7), false))),
                    RiskLevel.MEDIUM,
                    RiskLevel.LOW,
                    plant.apply("rationale"),
                    null));
            plans.save(new PlanSave(
                    code,
                    1,
                    new PlanContent(plant.apply("goals-v2"), null, null, null, null, null, null, List.of()),
                    RiskLevel.HIGH,
                    RiskLevel.LOW,
                    plant.apply("rationale-v2"),
                    null));
            var scores = new EnumMap<RiskArea, Integer>(RiskArea.class);
            var comments = new EnumMap<RiskArea, String>(RiskArea.class);
            for (var area : RiskArea.values()) {
                scores.put(area, 1);
                comments.put(area, plant.apply("review-" + area.name().toLowerCase(java.util.Locale.ROOT)));
            }
            plans.recordReview(code, new ReviewInput(scores, comments, today.plusDays(20)));
            plans.addTriggerDate(code, TriggerKind.COURT_HEARING, today.plusDays(10), plant.apply("trigger"));
        });
        runAs.as("supervisor", () -> {
            notes.coSign(appointment, plant.apply("co-sign"));
        });
        var concern = runAs.as(
                "counsellor1",
                () -> safeguarding.raise(new NewConcern(
                        code, plant.apply("concern"), today, ConcernCategory.CHILD_AT_RISK, false, "client-page")));
        runAs.as("supervisor", () -> {
            safeguarding.decide(
                    concern,
                    new Decision(
                            DecisionOutcome.POLICE,
                            plant.apply("police-ref"),
                            today,
                            plant.apply("decision-rationale"),
                            plant.apply("follow-up")));
            safeguarding.comment(concern, plant.apply("concern-comment"));
            safeguarding.close(concern, plant.apply("concern-closure"));
            supervision.create(new SupervisionRecordDraft(
                    today, counsellor1, List.of(code), plant.apply("supervision"), plant.apply("supervision-actions")));
        });
        runAs.as("counsellor1", () -> {
            tasks.create(new org.casebook.tasks.NewTask(plant.apply("task"), today.plusDays(3), counsellor1, code));
            var officer = contacts.add(new org.casebook.contacts.NewContact(
                    org.casebook.contacts.ContactRole.PROBATION_OFFICER,
                    "Fictional Officer",
                    "Fictional Probation",
                    "07700 900000",
                    null));
            contacts.link(code, officer.id(), plant.apply("relationship"));
            contacts.log(
                    code,
                    new org.casebook.contacts.NewLogEntry(
                            start.plusHours(2),
                            org.casebook.contacts.ContactKind.CALL,
                            org.casebook.contacts.Direction.OUTGOING,
                            plant.apply("contact-who"),
                            plant.apply("contact-summary")));
            var pdf = ("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n% " + plant.apply("document-content")
                            + "\ntrailer\n<<>>\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            documents.add(
                    code,
                    new org.casebook.documents.NewDocument(
                            org.casebook.documents.DocumentCategory.values()[0],
                            plant.apply("document-title"),
                            today,
                            plant.apply("document-file") + ".pdf"),
                    new java.io.ByteArrayInputStream(pdf));
        });
        var counsellor2 = staff.findByUsername("counsellor2").orElseThrow().id();
        var supervisorId = staff.findByUsername("supervisor").orElseThrow().id();
        transaction.executeWithoutResult(
                tx -> records.exclude(id, counsellor2, plant.apply("exclusion"), supervisorId));
        if (clock instanceof org.casebook.MutableClock mutable) {
            mutable.advance(java.time.Duration.ofSeconds(31)); // a fresh authenticator code for this confirmation
        }
        runAs.as("counsellor3", () -> {
            reAuthentication.confirm(
                    "casebook-demo-2026",
                    org.casebook.security.TestCodes.code(org.casebook.security.TestCodes.DEMO_SECRET, clock.instant()));
            clients.breakGlass(code, plant.apply("break-glass"));
        });
        return new Planted(code, id, name, phone, email, address, List.copyOf(markers));
    }

    /** As {@link #active}, then closed by the supervisor with a closing summary. */
    Planted closed() {
        var planted = active();
        var summary =
                PREFIX + "-closing-summary-" + UUID.randomUUID().toString().substring(0, 8);
        runAs.as("supervisor", () -> referrals.close(planted.code(), ReferralChoices.ClosureReason.COMPLETED, summary));
        var markers = new ArrayList<>(planted.markers());
        markers.add(summary);
        return new Planted(
                planted.code(),
                planted.id(),
                planted.name(),
                planted.phone(),
                planted.email(),
                planted.address(),
                List.copyOf(markers));
    }
}
