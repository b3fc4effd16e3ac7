package org.casebook.supervision;

import java.time.Duration;
import java.util.List;
import org.casebook.client.CaseStatus;
import org.casebook.client.CaseloadFigures;
import org.casebook.client.ClientRecords;
import org.casebook.client.CreatedClient;
import org.casebook.client.DemoBreakGlass;
import org.casebook.client.NewClient;
import org.casebook.client.SafeContact;
import org.casebook.security.RunAsStaff;
import org.casebook.security.StaffDirectory;
import org.casebook.session.Core10Entry;
import org.casebook.session.Core10Service;
import org.casebook.session.MeasurementPoint;
import org.casebook.time.CharityClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fictional supervision data for the demo, made through the real services as the demo supervisor:
 * supervision records with both North counsellors, a break-glass access waiting for review, and three
 * finished cases with CORE-10 measures from intake to closure (for the chart of change). Runs after
 * the other modules' demo data; only when the North team has no clients at all (a demo without the intake
 * module's seeding) does it add a few fictional clients of its own, so the dashboard is never empty.
 */
@Component
@Profile("demo")
@Order(90)
class SupervisionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SupervisionDemoData.class);

    private final SupervisionRecordRepository existing;
    private final SupervisionRecords records;
    private final CaseloadFigures figures;
    private final ClientRecords clients;
    private final DemoBreakGlass breakGlass;
    private final StaffDirectory staff;
    private final RunAsStaff runAs;
    private final Core10Service core10;
    private final TransactionTemplate transaction;
    private final CharityClock charity;

    SupervisionDemoData(
            SupervisionRecordRepository existing,
            SupervisionRecords records,
            CaseloadFigures figures,
            ClientRecords clients,
            DemoBreakGlass breakGlass,
            StaffDirectory staff,
            RunAsStaff runAs,
            Core10Service core10,
            TransactionTemplate transaction,
            CharityClock charity) {
        this.existing = existing;
        this.records = records;
        this.figures = figures;
        this.clients = clients;
        this.breakGlass = breakGlass;
        this.staff = staff;
        this.runAs = runAs;
        this.core10 = core10;
        this.transaction = transaction;
        this.charity = charity;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (existing.count() > 0 || staff.findByUsername("supervisor").isEmpty()) {
            return;
        }
        var teamHasClients = runAs.as(
                "supervisor",
                () -> figures.caseloadByStatus().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        > 0);
        if (!teamHasClients) {
            seedClients();
        }
        runAs.as("supervisor", this::seedRecords);
        seedBreakGlass();
        seedClosedCasesWithCore10();
        log.info("Seeded fictional supervision records and a break-glass access to review");
    }

    private void seedClients() {
        var today = charity.today();
        var names = List.of(
                "Alder (demo)",
                "Birch (demo)",
                "Cedar (demo)",
                "Damson (demo)",
                "Elm (demo)",
                "Fir (demo)",
                "Gorse (demo)",
                "Hazel (demo)",
                "Ivy (demo)");
        String[] counsellors = {
            "counsellor1", "counsellor1", "counsellor1", "counsellor2", "counsellor2", null, null, null, "counsellor3"
        };
        for (int i = 0; i < names.size(); i++) {
            var member = counsellors[i] == null ? "supervisor" : counsellors[i];
            var counsellorId = staff.findByUsername(member).orElseThrow().id();
            var teamId = staff.teamOf(counsellorId).orElse(null);
            var name = names.get(i);
            var assignTo = counsellors[i] == null ? null : counsellorId;
            var index = i;
            transaction.executeWithoutResult(tx -> {
                CreatedClient client = clients.create(new NewClient(
                        today.minusDays(20L + 9L * index),
                        name,
                        1970 + index * 3,
                        "ZZ" + (index + 1),
                        new SafeContact(
                                null,
                                "client" + index + "@example.invalid",
                                null,
                                false,
                                false,
                                false,
                                false,
                                null,
                                null),
                        teamId));
                if (index == 7) {
                    return;
                }
                clients.moveTo(client.id(), CaseStatus.TRIAGED, "eligible (demo)");
                clients.addToWaitingList(client.id(), 1 + index % 3);
                if (assignTo != null) {
                    clients.assign(client.id(), assignTo, teamId, "demo assignment");
                    if (index % 3 != 2) {
                        clients.moveTo(client.id(), CaseStatus.ACTIVE, "first session (demo)");
                    }
                }
            });
        }
    }

    private void seedRecords() {
        var today = charity.today();
        for (var counsellor : records.counsellors()) {
            var codes = records.clientCodesOf(counsellor.id());
            records.create(new SupervisionRecordDraft(
                    today.minusDays(28),
                    counsellor.id(),
                    codes.stream().limit(2).toList(),
                    "Reviewed the caseload (demo). Discussed pacing the first sessions and how the "
                            + "limits-of-confidentiality agreement was received.",
                    "Bring the risk-minimisation plans of the clients discussed to the next supervision (demo)."));
            records.create(new SupervisionRecordDraft(
                    today.minusDays(7),
                    counsellor.id(),
                    codes.stream().skip(codes.size() > 1 ? 1 : 0).limit(1).toList(),
                    "Follow-up (demo): the counsellor's own support and workload; one client's early warning signs.",
                    null));
        }
    }

    /**
     * Three finished North cases with CORE-10 measures at intake, review and closure, so the chart of
     * CORE-10 change has something to show: two improved reliably, one did not.
     */
    private void seedClosedCasesWithCore10() {
        var today = charity.today();
        int[][][] measures = {
            {{3, 3, 3, 2, 3, 1, 3, 2, 3, 2}, {2, 2, 2, 2, 2, 0, 2, 2, 2, 1}, {1, 1, 1, 0, 1, 0, 1, 1, 1, 0}},
            {{2, 3, 2, 2, 2, 0, 3, 2, 2, 2}, {2, 2, 2, 1, 2, 0, 2, 1, 2, 1}, {1, 1, 1, 1, 1, 0, 1, 1, 0, 1}},
            {{2, 2, 1, 2, 1, 0, 2, 1, 2, 1}, {2, 2, 1, 1, 1, 0, 2, 1, 2, 1}, {1, 2, 1, 1, 1, 0, 2, 1, 1, 1}},
        };
        String[] names = {"Juniper (demo)", "Kestrel (demo)", "Linden (demo)"};
        String[] counsellors = {"counsellor1", "counsellor2", "counsellor1"};
        for (int i = 0; i < names.length; i++) {
            var username = counsellors[i];
            var counsellorId = staff.findByUsername(username).orElseThrow().id();
            var teamId = staff.teamOf(counsellorId).orElse(null);
            var name = names[i];
            var index = i;
            var client = transaction.execute(tx -> {
                var created = clients.create(new NewClient(
                        today.minusWeeks(20 + index),
                        name,
                        1975 + index * 4,
                        "ZZ" + (20 + index),
                        new SafeContact(
                                null,
                                "finished" + index + "@example.invalid",
                                null,
                                false,
                                false,
                                false,
                                false,
                                null,
                                null),
                        teamId));
                clients.moveTo(created.id(), CaseStatus.TRIAGED, "eligible (demo)");
                clients.addToWaitingList(created.id(), 2);
                clients.assign(created.id(), counsellorId, teamId, "demo assignment");
                clients.moveTo(created.id(), CaseStatus.ACTIVE, "first session (demo)");
                return created;
            });
            var weeksAgo = new int[] {16, 8, 1};
            var points =
                    new MeasurementPoint[] {MeasurementPoint.INTAKE, MeasurementPoint.REVIEW, MeasurementPoint.CLOSURE};
            runAs.as(username, () -> {
                for (int m = 0; m < 3; m++) {
                    var items =
                            java.util.Arrays.stream(measures[index][m]).boxed().toList();
                    core10.record(
                            client.code(),
                            new Core10Entry(today.minusWeeks(weeksAgo[m]).minusDays(index), points[m], items));
                }
            });
            transaction.executeWithoutResult(
                    tx -> clients.close(client.id(), "COMPLETED", "Finished the planned sessions (demo)."));
        }
    }

    private void seedBreakGlass() {
        var south = staff.findByUsername("counsellor3");
        var northClient = runAs.as(
                "supervisor",
                () -> figures
                        .activeCaseloadOf(staff.findByUsername("counsellor1")
                                .orElseThrow()
                                .id())
                        .stream()
                        .findFirst());
        if (south.isPresent() && northClient.isPresent()) {
            breakGlass.recordPast(
                    northClient.get().code(),
                    south.get().id(),
                    "Covering the duty line (demo): the client called in distress while their counsellor was away.",
                    Duration.ofHours(26));
        }
    }
}
