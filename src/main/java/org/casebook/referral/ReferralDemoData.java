package org.casebook.referral;

import java.time.LocalDate;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientRecords;
import org.casebook.client.ConsentService;
import org.casebook.client.HowGiven;
import org.casebook.client.ShareRecipient;
import org.casebook.referral.ReferralChoices.ChildAccess;
import org.casebook.referral.ReferralChoices.ClosureReason;
import org.casebook.referral.ReferralChoices.Concern;
import org.casebook.referral.ReferralChoices.LegalStatus;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralChoices.Urgency;
import org.casebook.security.RunAsStaff;
import org.casebook.security.StaffDirectory;
import org.casebook.time.CharityClock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fictional referrals for the demo, in every status, taken, triaged and assigned through the real services
 * as the demo staff would: each of counsellor1 and counsellor2 gets active and assigned clients, the South
 * team a few, one referral is urgent (a recent arrest) and one discloses a child at risk. Runs once.
 */
@Component
@Profile("demo")
@Order(10)
class ReferralDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferralDemoData.class);

    private final RunAsStaff runAs;
    private final ReferralService referrals;
    private final ReferralRepository stored;
    private final ConsentService consent;
    private final ClientRecords records;
    private final StaffDirectory staff;
    private final TransactionTemplate transaction;
    private final CharityClock charity;
    private int serial;

    ReferralDemoData(
            RunAsStaff runAs,
            ReferralService referrals,
            ReferralRepository stored,
            ConsentService consent,
            ClientRecords records,
            StaffDirectory staff,
            TransactionTemplate transaction,
            CharityClock charity) {
        this.runAs = runAs;
        this.referrals = referrals;
        this.stored = stored;
        this.consent = consent;
        this.records = records;
        this.staff = staff;
        this.transaction = transaction;
        this.charity = charity;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (stored.count() > 0 || staff.findByUsername("supervisor").isEmpty()) {
            return;
        }
        var today = charity.today();
        var older =
                runAs.as("supervisor", () -> consent.publishVersion("2025-1", AGREEMENT_2025, today.minusMonths(14)));
        var latest =
                runAs.as("supervisor", () -> consent.publishVersion("2026-1", AGREEMENT_2026, today.minusMonths(2)));
        runAs.as("supervisor", () -> {
            referrals.setPostcodeArea(id("counsellor1"), "LS");
            referrals.setPostcodeArea(id("counsellor2"), "BD");
        });
        runAs.as("supervisor2", () -> referrals.setPostcodeArea(id("counsellor3"), "M"));

        // North team: counsellor1's caseload (4 active, 2 assigned)
        var a1 = active(
                "counsellor1",
                "supervisor",
                "Dale (demo)",
                1979,
                "LS6",
                today.minusMonths(9),
                Source.SELF,
                Concern.ONLINE_OFFENDING,
                LegalStatus.CONVICTED);
        var a2 = active(
                "counsellor1",
                "supervisor",
                "Morgan (demo)",
                1985,
                "LS11",
                today.minusMonths(7),
                Source.PROBATION,
                Concern.ONLINE_OFFENDING,
                LegalStatus.COURT_ORDER_OR_LICENCE);
        var a3 = active(
                "counsellor1",
                "supervisor",
                "Jamie (demo)",
                1992,
                "LS9",
                today.minusMonths(5),
                Source.SELF,
                Concern.THOUGHTS_OR_URGES,
                LegalStatus.NONE_KNOWN);
        var a4 = active(
                "counsellor1",
                "supervisor",
                "Frankie (demo)",
                1968,
                "LS27",
                today.minusMonths(3),
                Source.GP,
                Concern.PARTNER_OR_FAMILY,
                LegalStatus.NONE_KNOWN);
        assigned(
                "counsellor1",
                "supervisor",
                "Reese (demo)",
                1990,
                "LS2",
                today.minusWeeks(5),
                Source.SOLICITOR,
                Concern.ONLINE_OFFENDING,
                LegalStatus.ON_BAIL);
        assigned(
                "counsellor1",
                "supervisor",
                "Kit (demo)",
                1975,
                "LS17",
                today.minusWeeks(4),
                Source.SELF,
                Concern.THOUGHTS_OR_URGES,
                LegalStatus.NONE_KNOWN);
        // counsellor2's caseload (4 active, 1 assigned)
        var b1 = active(
                "counsellor2",
                "supervisor",
                "Sasha (demo)",
                1981,
                "BD3",
                today.minusMonths(8),
                Source.SELF,
                Concern.THOUGHTS_OR_URGES,
                LegalStatus.NONE_KNOWN);
        var b2 = active(
                "counsellor2",
                "supervisor",
                "Drew (demo)",
                1973,
                "BD7",
                today.minusMonths(6),
                Source.POLICE,
                Concern.ONLINE_OFFENDING,
                LegalStatus.UNDER_INVESTIGATION);
        var b3 = active(
                "counsellor2",
                "supervisor",
                "Rowan (demo)",
                1988,
                "BD18",
                today.minusMonths(4),
                Source.OTHER_CHARITY,
                Concern.CONTACT_OFFENDING_HISTORY,
                LegalStatus.CONVICTED);
        var b4 = active(
                "counsellor2",
                "supervisor",
                "Charlie (demo)",
                1964,
                "BD9",
                today.minusMonths(2),
                Source.FAMILY_MEMBER,
                Concern.PARTNER_OR_FAMILY,
                LegalStatus.NONE_KNOWN);
        assigned(
                "counsellor2",
                "supervisor",
                "Toby (demo)",
                1996,
                "BD1",
                today.minusWeeks(3),
                Source.SELF,
                Concern.THOUGHTS_OR_URGES,
                LegalStatus.NONE_KNOWN);

        // The rest of the North team's queue: waiting, triaged, received (one urgent, one child at risk), closed
        waiting("counsellor2", "supervisor", "Ellis (demo)", 1983, "LS8", today.minusWeeks(6), Source.GP, 2);
        waiting("counsellor1", "supervisor", "Avery (demo)", 1999, "BD5", today.minusWeeks(2), Source.SELF, 1);
        triaged("counsellor1", "supervisor", "Quinn (demo)", 1977, "LS12", today.minusDays(9));
        receive(
                "counsellor1",
                referral(
                        "Hayden (demo)",
                        1987,
                        "LS15",
                        today.minusDays(2),
                        Source.SELF,
                        Concern.ONLINE_OFFENDING,
                        LegalStatus.UNDER_INVESTIGATION,
                        today.minusDays(6),
                        false,
                        null,
                        Urgency.SOON));
        receive(
                "counsellor2",
                referral(
                        "Parker (demo)",
                        1980,
                        "BD4",
                        today.minusDays(1),
                        Source.CHILDRENS_SERVICES,
                        Concern.CONTACT_OFFENDING_HISTORY,
                        LegalStatus.UNDER_INVESTIGATION,
                        null,
                        false,
                        "Lives with a partner and her 8-year-old daughter; the referrer says the child has disclosed (demo).",
                        Urgency.URGENT));
        var notEligible = receive(
                "counsellor1",
                referral(
                        "Lee (demo)",
                        2009,
                        "LS10",
                        today.minusWeeks(7),
                        Source.SELF,
                        Concern.THOUGHTS_OR_URGES,
                        LegalStatus.NONE_KNOWN,
                        null,
                        false,
                        null,
                        Urgency.ROUTINE));
        runAs.as(
                "supervisor",
                () -> referrals.triage(notEligible, false, "Under 18: referred to a young people's service (demo)."));
        var completed = active(
                "counsellor1",
                "supervisor",
                "Sam B (demo)",
                1970,
                "LS16",
                today.minusMonths(11),
                Source.SELF,
                Concern.THOUGHTS_OR_URGES,
                LegalStatus.NONE_KNOWN);
        runAs.as(
                "counsellor1",
                () -> referrals.close(
                        completed,
                        ClosureReason.COMPLETED,
                        "Completed the planned sessions; plan in place and support network engaged (demo)."));

        // South team
        active(
                "counsellor3",
                "supervisor2",
                "Jesse (demo)",
                1984,
                "M14",
                today.minusMonths(4),
                Source.PROBATION,
                Concern.ONLINE_OFFENDING,
                LegalStatus.COURT_ORDER_OR_LICENCE);
        waiting("counsellor3", "supervisor2", "Robbie (demo)", 1991, "M20", today.minusWeeks(3), Source.SELF, 2);
        receive(
                "counsellor3",
                referral(
                        "Marley (demo)",
                        1972,
                        "M8",
                        today.minusDays(3),
                        Source.GP,
                        Concern.THOUGHTS_OR_URGES,
                        LegalStatus.NONE_KNOWN,
                        null,
                        true,
                        null,
                        Urgency.SOON));

        // An exclusion (counsellor2 knows Dale's family) and consents
        runAs.as("supervisor", () -> referrals.exclude(a1, id("counsellor2"), "Knows the client's family (demo)."));
        runAs.as("supervisor", () -> referrals.exclude(b1, id("counsellor1"), "Lives on the same street (demo)."));
        runAs.as("counsellor1", () -> {
            consent.recordAgreement(a1, older.id(), today.minusMonths(8), HowGiven.IN_PERSON);
            consent.recordAgreement(a2, older.id(), today.minusMonths(6), HowGiven.VIDEO);
            consent.recordAgreement(a3, latest.id(), today.minusMonths(1), HowGiven.IN_PERSON);
            consent.recordAgreement(a4, latest.id(), today.minusWeeks(6), HowGiven.PHONE);
            consent.addShareConsent(
                    a2,
                    ShareRecipient.PROBATION,
                    "Probation officer, Leeds probation office (demo)",
                    today.minusMonths(6));
            consent.addShareConsent(
                    a1, ShareRecipient.GP, "Dr Example, Headingley surgery (demo)", today.minusMonths(8));
        });
        runAs.as("counsellor2", () -> {
            consent.recordAgreement(b1, older.id(), today.minusMonths(7), HowGiven.WRITTEN);
            consent.recordAgreement(b2, latest.id(), today.minusWeeks(7), HowGiven.IN_PERSON);
            consent.recordAgreement(b3, latest.id(), today.minusWeeks(5), HowGiven.VIDEO);
            var solicitor = consent.addShareConsent(
                    b2, ShareRecipient.SOLICITOR, "Example & Co solicitors (demo)", today.minusWeeks(7));
            consent.withdrawShareConsent(b2, solicitor, 0, today.minusWeeks(2));
        });
        log.info("Created fictional demo referrals and clients (demo profile)");
    }

    private String receive(String receiver, NewReferral referral) {
        return runAs.as(receiver, () -> referrals.receive(referral, true).code());
    }

    private String triaged(String receiver, String supervisor, String name, int year, String district, LocalDate on) {
        var code = receive(
                receiver,
                referral(
                        name,
                        year,
                        district,
                        on,
                        Source.SELF,
                        Concern.THOUGHTS_OR_URGES,
                        LegalStatus.NONE_KNOWN,
                        null,
                        false,
                        null,
                        Urgency.ROUTINE));
        runAs.as(supervisor, () -> referrals.triage(code, true, "Adult, within remit; worried about urges (demo)."));
        return code;
    }

    private String waiting(
            String receiver,
            String supervisor,
            String name,
            int year,
            String district,
            LocalDate on,
            Source source,
            int priority) {
        var code = triaged(receiver, supervisor, name, year, district, on);
        runAs.as(supervisor, () -> referrals.addToWaitingList(code, priority));
        return code;
    }

    private String assigned(
            String counsellor,
            String supervisor,
            String name,
            int year,
            String district,
            LocalDate on,
            Source source,
            Concern concern,
            LegalStatus legal) {
        var code = receive(
                counsellor,
                referral(name, year, district, on, source, concern, legal, null, false, null, Urgency.ROUTINE));
        runAs.as(supervisor, () -> {
            referrals.triage(code, true, "Adult, within remit (demo).");
            referrals.addToWaitingList(code, 2);
            referrals.assign(code, id(counsellor), "Closest counsellor with space (demo).");
        });
        return code;
    }

    private String active(
            String counsellor,
            String supervisor,
            String name,
            int year,
            String district,
            LocalDate on,
            Source source,
            Concern concern,
            LegalStatus legal) {
        var code = assigned(counsellor, supervisor, name, year, district, on, source, concern, legal);
        // The first session is the session module's to record; the demo marks it held directly.
        runAs.as(
                counsellor,
                () -> transaction.executeWithoutResult(tx -> records.moveTo(
                        records.openCasesOf(id(counsellor)).stream()
                                .filter(c -> c.code().equals(code))
                                .findFirst()
                                .orElseThrow()
                                .id(),
                        CaseStatus.ACTIVE,
                        "first session held")));
        return code;
    }

    private NewReferral referral(
            String name,
            int year,
            String district,
            LocalDate on,
            Source source,
            Concern concern,
            LegalStatus legal,
            @Nullable LocalDate arrested,
            boolean selfHarm,
            @Nullable String childAtRisk,
            Urgency urgency) {
        serial++;
        var slug =
                name.replace(" (demo)", "").toLowerCase(java.util.Locale.ROOT).replace(' ', '.');
        return new NewReferral(
                source,
                source == Source.SELF ? null : source.label() + " referrer (demo), 0113 496 0" + (100 + serial),
                on,
                name,
                year,
                district,
                "07700 900" + String.format("%03d", serial),
                slug + "@example.invalid",
                null,
                serial % 2 == 0,
                serial % 3 == 0,
                false,
                serial % 5 == 0,
                serial % 2 == 0 ? "Weekday mornings" : "After 6pm",
                serial % 4 == 0 ? "Partner does not know: never leave details with anyone else (demo)." : null,
                concern,
                legal,
                arrested,
                serial % 3 == 0 ? ChildAccess.REGULAR_CONTACT : ChildAccess.NONE,
                childAtRisk != null,
                childAtRisk,
                false,
                selfHarm,
                urgency,
                "Fictional referral for the demo: " + concern.label().toLowerCase(java.util.Locale.ROOT) + ".");
    }

    private long id(String username) {
        return staff.findByUsername(username).orElseThrow().id();
    }

    static final String AGREEMENT_2025 = """
            (Demo text) What you tell your counsellor stays confidential, with these limits: if you tell us about \
            a child who is at risk of harm and who can be identified, we must share it with children's services \
            or the police; if a court orders us to share records, we must; if there is a serious risk to your \
            life or someone else's, we will act to keep people safe. We will tell you first when we can.""";

    static final String AGREEMENT_2026 = AGREEMENT_2025 + """
             (Added in 2026-1) If you are subject to a court order or licence and tell us of a breach that puts \
            a child at risk, we will share this with your offender manager.""";
}
