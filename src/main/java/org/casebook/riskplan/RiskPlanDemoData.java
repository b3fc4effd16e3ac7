package org.casebook.riskplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientRecords;
import org.casebook.client.RiskLevel;
import org.casebook.security.RunAsStaff;
import org.casebook.security.StaffDirectory;
import org.casebook.time.CharityClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo plans for the active cases of counsellor1 and counsellor2 (made by the referral demo data, which runs
 * first): a few versions each with varied ratings, reviews over time (one overdue), trigger dates, an open
 * concern in immediate danger and a decided one. Entirely fictional; written through the real services as the
 * demo staff; a client that already has a plan is left alone, so restarts add nothing.
 */
@Component
@Profile("demo")
@Order(30)
class RiskPlanDemoData implements ApplicationRunner {

    private static final RiskLevel[][] LEVELS = {
        {RiskLevel.MEDIUM, RiskLevel.HIGH},
        {RiskLevel.LOW, RiskLevel.LOW},
        {RiskLevel.HIGH, RiskLevel.MEDIUM},
        {RiskLevel.VERY_HIGH, RiskLevel.LOW},
        {RiskLevel.MEDIUM, RiskLevel.MEDIUM}
    };

    private final RunAsStaff runAs;
    private final ClientRecords records;
    private final StaffDirectory staff;
    private final PlanService plans;
    private final SafeguardingService safeguarding;
    private final RiskPlanRepository planRows;
    private final CharityClock charity;

    RiskPlanDemoData(
            RunAsStaff runAs,
            ClientRecords records,
            StaffDirectory staff,
            PlanService plans,
            SafeguardingService safeguarding,
            RiskPlanRepository planRows,
            CharityClock charity) {
        this.runAs = runAs;
        this.records = records;
        this.staff = staff;
        this.plans = plans;
        this.safeguarding = safeguarding;
        this.planRows = planRows;
        this.charity = charity;
    }

    @Override
    public void run(ApplicationArguments args) {
        int seeded = 0;
        for (var username : List.of("counsellor1", "counsellor2")) {
            var id = staff.findByUsername(username);
            if (id.isEmpty()) {
                continue;
            }
            var active = records.openCasesOf(id.get().id()).stream()
                    .filter(c -> c.status() == CaseStatus.ACTIVE)
                    .toList();
            seeded += seed(username, active, username.equals("counsellor1"));
        }
        if (seeded > 0) {
            org.slf4j.LoggerFactory.getLogger(RiskPlanDemoData.class)
                    .info("Demo risk plans written for {} clients", seeded);
        }
    }

    /** Seeds plans for these cases of one counsellor; returns how many clients got a plan. */
    int seed(String counsellor, List<ClientAccess> cases, boolean first) {
        int seeded = 0;
        var today = charity.today();
        for (int i = 0; i < cases.size(); i++) {
            var client = cases.get(i);
            if (planRows.findByClientId(client.id().value()).isPresent()) {
                continue;
            }
            var levels = LEVELS[(i + (first ? 0 : 2)) % LEVELS.length];
            int index = i;
            runAs.as(counsellor, () -> writePlan(client.code(), levels, today, index, first));
            seeded++;
            if (i == 0) {
                raiseConcern(counsellor, client.code(), first, today);
            }
        }
        return seeded;
    }

    private void writePlan(String code, RiskLevel[] levels, LocalDate today, int index, boolean first) {
        var v1 = new PlanContent(
                "Keep my job at the depot; rebuild contact with my brother; join the walking group (demo).",
                "Evenings alone with the laptop after drinking; arguments at home (demo).",
                "Staying up late online; withdrawing from friends; telling myself 'just looking' (demo).",
                "Laptop stays in the living room; ring my brother or the helpline; go for a walk (demo).",
                "Steady work; supportive brother; regular sessions (demo).",
                "Brother (knows the history); GP; counsellor (demo).",
                first ? "Sexual harm prevention order: no unsupervised internet device (demo)." : null,
                List.of(
                        new AgreedAction(
                                "Install monitoring software on the laptop", "Client", today.plusWeeks(2), false),
                        new AgreedAction("Share the plan with brother", "Client", today.plusWeeks(4), false)));
        int basedOn = plans.save(new PlanSave(
                code,
                0,
                v1,
                RiskLevel.MEDIUM,
                RiskLevel.MEDIUM,
                "First assessment at the start of work together (demo).",
                null));
        var v2 = new PlanContent(
                v1.goals(),
                v1.triggers() + " Anniversary of the arrest in March (demo).",
                v1.warningSigns(),
                "Laptop stays in the living room; ring my brother, the helpline or my counsellor; go for a walk; "
                        + "write down the urge and what I did instead (demo).",
                v1.protectiveFactors(),
                v1.supportNetwork(),
                v1.externalConditions(),
                List.of(
                        new AgreedAction(
                                "Install monitoring software on the laptop", "Client", today.plusWeeks(2), true),
                        new AgreedAction("Share the plan with brother", "Client", today.plusWeeks(4), false),
                        new AgreedAction("Book a GP appointment about sleep", "Client", today.plusWeeks(3), false)));
        boolean changes = levels[0] != RiskLevel.MEDIUM || levels[1] != RiskLevel.MEDIUM;
        basedOn = plans.save(new PlanSave(
                code,
                basedOn,
                v2,
                levels[0],
                levels[1],
                changes ? "Reviewed after recent events: ratings adjusted (demo)." : null,
                null));
        // Reviews of the dynamic risk areas over time; for the second client, the last review was long ago.
        boolean overdue = index == 1;
        var held = overdue
                ? List.of(today.minusMonths(7), today.minusMonths(4))
                : List.of(today.minusMonths(5), today.minusMonths(2), today.minusDays(3));
        for (int r = 0; r < held.size(); r++) {
            int step = r;
            plans.recordReview(
                    code,
                    new ReviewInput(
                            Map.of(
                                    RiskArea.SOCIAL_INFLUENCES,
                                    Math.max(0, 2 - step),
                                    RiskArea.INTIMACY_DEFICITS,
                                    1,
                                    RiskArea.SEXUAL_SELF_REGULATION,
                                    Math.max(0, 2 - step),
                                    RiskArea.GENERAL_SELF_REGULATION,
                                    step == 1 ? 2 : 1,
                                    RiskArea.COOPERATION,
                                    step == 0 ? 1 : 0),
                            Map.of(
                                    RiskArea.SOCIAL_INFLUENCES,
                                    step == 0 ? "Still in online groups (demo)." : "Left the groups (demo).",
                                    RiskArea.COOPERATION,
                                    "Attends every session (demo)."),
                            null,
                            held.get(r)));
        }
        if (index == 0) {
            plans.addTriggerDate(
                    code, TriggerKind.COURT_HEARING, today.plusDays(2), "Plea hearing, Crown Court (demo)");
            plans.addTriggerDate(code, TriggerKind.SENTENCING, today.plusDays(40), null);
        } else if (index == 2) {
            plans.addTriggerDate(code, TriggerKind.CHARGE, today.minusDays(1), "Charged after interview (demo)");
        }
        if (index == 2) {
            var v3 = new PlanContent(
                    v2.goals(),
                    v2.triggers(),
                    v2.warningSigns(),
                    v2.coping(),
                    v2.protectiveFactors() + " Started volunteering on Saturdays (demo).",
                    v2.supportNetwork(),
                    v2.externalConditions(),
                    v2.actions());
            plans.save(new PlanSave(code, basedOn, v3, levels[0], levels[1], null, null));
        }
    }

    private void raiseConcern(String counsellor, String code, boolean immediate, LocalDate today) {
        var id = runAs.as(
                counsellor,
                () -> safeguarding.raise(new NewConcern(
                        code,
                        immediate
                                ? "Client said a neighbour's child (about 9) is left with him most afternoons (demo)."
                                : "Client disclosed viewing indecent images last month, before starting work with us (demo).",
                        today.minusDays(immediate ? 0 : 12),
                        immediate ? ConcernCategory.CHILD_AT_RISK : ConcernCategory.OFFENCE_DISCLOSED,
                        immediate,
                        "session-note")));
        if (!immediate) {
            runAs.as(
                    "supervisor",
                    () -> safeguarding.decide(
                            id,
                            new Decision(
                                    DecisionOutcome.POLICE,
                                    "DEMO-2026-0412",
                                    today.minusDays(10),
                                    null,
                                    "Counsellor to discuss the referral with the client at the next session (demo).")));
        }
    }
}
