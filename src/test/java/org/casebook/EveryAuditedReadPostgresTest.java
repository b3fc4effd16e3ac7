package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.function.Supplier;
import org.casebook.audit.AuditFilter;
import org.casebook.audit.AuditService;
import org.casebook.client.ClientService;
import org.casebook.client.ConsentService;
import org.casebook.referral.ReferralService;
import org.casebook.riskplan.PlanService;
import org.casebook.riskplan.RiskFigures;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.RunAsStaff;
import org.casebook.session.AppointmentService;
import org.casebook.session.Core10Service;
import org.casebook.session.NoteState;
import org.casebook.session.SessionNoteService;
import org.casebook.supervision.SupervisionRecords;
import org.casebook.supervision.TeamDashboard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every read that writes an audit entry, called through its service on PostgreSQL, which (unlike H2)
 * refuses writes in a read-only transaction. Each must succeed and leave its entry. The demo data gives
 * every kind of record to read.
 */
class EveryAuditedReadPostgresTest extends PostgresTest {

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientService clients;

    @Autowired
    ConsentService consent;

    @Autowired
    ReferralService referrals;

    @Autowired
    AppointmentService appointments;

    @Autowired
    Core10Service core10;

    @Autowired
    SessionNoteService notes;

    @Autowired
    PlanService plans;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    RiskFigures riskFigures;

    @Autowired
    TeamDashboard dashboard;

    @Autowired
    SupervisionRecords supervisionRecords;

    @Autowired
    AuditService auditService;

    @Autowired
    org.casebook.tasks.TaskService tasks;

    @Autowired
    org.casebook.contacts.ContactService contacts;

    @Autowired
    org.casebook.documents.DocumentService documents;

    @Autowired
    org.casebook.session.SchedulingService scheduling;

    @Autowired
    org.casebook.session.ReminderService reminders;

    @Autowired
    org.casebook.security.StaffDirectory staffDirectory;

    @Autowired
    org.casebook.time.CharityClock charity;

    private long entries() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    /** Runs the read as the person and checks that it recorded at least one audit entry. */
    private <T> T audited(String username, String what, Supplier<T> read) {
        var before = entries();
        var result = runAs.as(username, read);
        assertThat(entries()).as("audit entries after " + what).isGreaterThan(before);
        return result;
    }

    @Test
    void everyAuditedReadOfACounsellorWorksOnPostgresql() {
        var caseload = runAs.as(
                "counsellor1",
                () -> clients.caseload(null, false, PageRequest.of(0, 50)).getContent());
        assertThat(caseload).isNotEmpty();
        var code = caseload.getFirst().code();

        audited("counsellor1", "the client page", () -> clients.open(code));
        audited("counsellor1", "the case history", () -> clients.history(code));
        audited("counsellor1", "the client header", () -> clients.summary(code));
        audited(
                "counsellor1",
                "one view of the client page",
                () -> clients.page(code, access -> {
                    clients.open(code);
                    consent.overview(code);
                    plans.summary(code);
                    safeguarding.forClient(code);
                    appointments.ofClient(code);
                    return clients.summary(code);
                }));
        audited("counsellor1", "the consents", () -> consent.overview(code));
        audited("counsellor1", "the referral", () -> referrals.referral(code));
        var rows = audited("counsellor1", "the appointments", () -> appointments.ofClient(code));
        audited("counsellor1", "the CORE-10 scores", () -> core10.scores(code));
        audited("counsellor1", "the reminders of a client", () -> reminders.ofClient(code));
        if (!rows.isEmpty()) {
            audited(
                    "counsellor1",
                    "the reminders of an appointment",
                    () -> reminders.ofAppointment(rows.getFirst().id()));
        }
        audited("counsellor1", "the risk plan", () -> plans.open(code));
        audited("counsellor1", "the safeguarding concerns of a client", () -> safeguarding.forClient(code));
        audited("counsellor1", "the overdue plan reviews", plans::overdueReviews);
        audited("counsellor1", "the task list", tasks::mine);
        audited("counsellor1", "the tasks of a client", () -> tasks.ofClient(code));
        audited("counsellor1", "the contacts of a client", () -> contacts.ofClient(code));
        audited("counsellor1", "the contact log", () -> contacts.logOf(code));
        audited("counsellor1", "the documents of a client", () -> documents.ofClient(code));
        var me = staffDirectory.findByUsername("counsellor1").orElseThrow().id();
        audited(
                "counsellor1",
                "the calendar",
                () -> scheduling.calendar(
                        me, charity.today().minusDays(7), charity.today().plusDays(7)));

        var withNote = caseload.stream()
                .flatMap(row -> runAs.as("counsellor1", () -> appointments.ofClient(row.code())).stream())
                .filter(row -> row.note() != NoteState.NONE)
                .findFirst()
                .orElseThrow();
        audited("counsellor1", "a session note", () -> notes.open(withNote.id()));
        assertThat(rows).isNotNull();
    }

    @Test
    void everyAuditedReadOfASupervisorAndAnAdministratorWorksOnPostgresql() {
        var overview = audited("supervisor", "the team dashboard", dashboard::overview);
        var counsellor = overview.counsellors().getFirst().counsellorId();
        for (var figure : RiskFigures.Figure.values()) {
            audited("supervisor", "the clients behind " + figure, () -> dashboard.risksBehind(counsellor, figure));
        }
        audited("supervisor", "the risk figures", riskFigures::caseloadByRisk);
        var queue = audited("supervisor", "the safeguarding queue", () -> safeguarding.queue(true));
        assertThat(queue).isNotEmpty();
        audited(
                "supervisor",
                "a safeguarding concern",
                () -> safeguarding.open(queue.getFirst().id()));
        var records = runAs.as("supervisor", supervisionRecords::mine);
        assertThat(records).isNotEmpty();
        audited(
                "supervisor",
                "a supervision record",
                () -> supervisionRecords.open(records.getFirst().id()));

        audited("admin", "the audit log export", () -> auditService.exportCsv(AuditFilter.NONE, new StringWriter()));
    }
}
