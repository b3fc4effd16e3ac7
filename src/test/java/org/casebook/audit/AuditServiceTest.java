package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class AuditServiceTest {

    @Autowired
    AuditService audit;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ScheduledVerification scheduled;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityContextHolderStrategy securityContext;

    /** Records one VIEW as the named person, so each test knows what is there. */
    private void viewAs(String username, String recordId) {
        var user = users.loadUserByUsername(username);
        var previous = securityContext.getContext();
        securityContext.setContext(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        try {
            transaction.executeWithoutResult(s -> auditLog.record(
                    AuditEvent.of(AuditAction.VIEW, "client", recordId).forClient("C" + recordId)));
        } finally {
            securityContext.setContext(previous);
        }
    }

    @BeforeEach
    void someActivity() {
        viewAs("supervisor", "1000");
        viewAs("counsellor1", "1001");
        viewAs("counsellor2", "1002");
        viewAs("admin", "1003");
    }

    @Test
    @WithUserDetails("admin")
    void administratorSeesEveryonesEntriesNewestFirst() {
        var page = audit.search(new AuditFilter(null, null, AuditAction.VIEW, null, null), PageRequest.of(0, 3));
        assertThat(page.getContent())
                .extracting(AuditEntry::actorUsername)
                .containsExactly("admin", "counsellor2", "counsellor1");
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorSeesOnlyTheirTeamsEntries() {
        var entries = audit.search(AuditFilter.NONE, PageRequest.of(0, 500)).getContent();
        assertThat(entries)
                .extracting(AuditEntry::actorUsername)
                .contains("counsellor1", "counsellor2")
                .doesNotContain("admin");
    }

    @Test
    @WithUserDetails("admin")
    void filtersByPersonAndClientCode() {
        var byPerson = audit.search(new AuditFilter("COUNSELLOR2", null, null, null, null), PageRequest.of(0, 50));
        assertThat(byPerson.getContent()).isNotEmpty().allMatch(e -> "counsellor2".equals(e.actorUsername()));
        var byClient = audit.search(new AuditFilter(null, "c1001", null, null, null), PageRequest.of(0, 50));
        assertThat(byClient.getContent()).isNotEmpty().allMatch(e -> "C1001".equals(e.clientRef()));
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorCannotReadTheAuditLog() {
        assertThatThrownBy(() -> audit.search(AuditFilter.NONE, PageRequest.of(0, 10)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> audit.exportCsv(AuditFilter.NONE, new StringWriter()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorCannotVerifyTheChain() {
        assertThatThrownBy(() -> audit.verify()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void exportWritesCsvAndIsItselfAudited() {
        var csv = new StringWriter();
        long count = audit.exportCsv(new AuditFilter("counsellor1", null, AuditAction.VIEW, null, null), csv);
        var lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).startsWith("seq,time,actor_id,actor,roles,action");
        assertThat(lines).hasSize((int) count + 1);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(",counsellor1,COUNSELLOR,VIEW,"));
        var exported = audit.search(new AuditFilter(null, null, AuditAction.EXPORT, null, null), PageRequest.of(0, 1))
                .getContent()
                .getFirst();
        assertThat(exported.actorUsername()).isEqualTo("admin");
        assertThat(exported.reason()).isEqualTo("person=counsellor1, action=VIEW");
    }

    @Test
    @WithUserDetails("admin")
    void anExportCutShortAfterItsFirstRowIsStillOnRecord() {
        var failing = new java.io.Writer() {
            int lines;

            @Override
            public void write(char[] buffer, int offset, int length) throws java.io.IOException {
                for (int i = offset; i < offset + length; i++) {
                    if (buffer[i] == '\n' && ++lines > 2) {
                        throw new java.io.IOException("connection reset");
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> audit.exportCsv(AuditFilter.NONE, failing))
                .isInstanceOf(java.io.UncheckedIOException.class);
        var recorded = audit.search(new AuditFilter(null, null, AuditAction.EXPORT, null, null), PageRequest.of(0, 1))
                .getContent()
                .getFirst();
        assertThat(recorded.actorUsername()).isEqualTo("admin");
        assertThat(recorded.reason()).startsWith("interrupted after 1 rows");
    }

    @Test
    @WithUserDetails("admin")
    void everySearchOfTheAuditLogIsItselfAudited() {
        audit.search(new AuditFilter("counsellor2", null, null, null, null), PageRequest.of(0, 5));
        var recorded = audit.search(new AuditFilter("admin", null, AuditAction.VIEW, null, null), PageRequest.of(0, 1))
                .getContent()
                .getFirst();
        assertThat(recorded.recordType()).isEqualTo("audit-log");
        assertThat(recorded.reason()).contains("person=counsellor2");
    }

    @Test
    void csvCellsAreQuotedAndCannotStartAFormula() {
        assertThat(AuditService.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditService.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditService.csv("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    }

    @Test
    @WithUserDetails("admin")
    void administratorVerifiesTheChainAndTheVerificationIsRecorded() {
        var result = audit.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
        var recorded = audit.search(new AuditFilter(null, null, AuditAction.VERIFY, null, null), PageRequest.of(0, 1))
                .getContent()
                .getFirst();
        assertThat(recorded.reason()).isEqualTo(result.message());
    }

    @Test
    @DirtiesContext
    void theScheduledCheckRaisesAnAlertInTheLogWhenTheChainIsBroken(CapturedOutput output) {
        assertThat(scheduled.check().intact()).isTrue();
        // Written straight into the table: no writer, no MAC made with the key. (The context is thrown
        // away afterwards, as the append-only trigger lets nobody tidy up.)
        jdbc.update("insert into audit_entry (occurred_at_ms, actor_username, action, outcome, hash) "
                + "values (0, 'intruder', 'VIEW', 'SUCCESS', X'01')");
        assertThat(scheduled.check().intact()).isFalse();
        assertThat(output).contains("AUDIT LOG INTEGRITY ALERT");
    }
}
