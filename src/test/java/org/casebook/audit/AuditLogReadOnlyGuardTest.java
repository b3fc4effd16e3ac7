package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An audited read is a write. PostgreSQL refuses it inside a read-only transaction and H2 does not, so
 * the audit log refuses it itself, on every database: this test runs on H2.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class AuditLogReadOnlyGuardTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private long entries() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    private TransactionTemplate transaction(boolean readOnly) {
        var template = new TransactionTemplate(transactions);
        template.setReadOnly(readOnly);
        return template;
    }

    @Test
    @WithUserDetails("counsellor1")
    void recordingInsideAReadOnlyTransactionIsRefusedWithAClearMessageEvenOnH2() {
        var before = entries();
        assertThatThrownBy(() -> transaction(true)
                        .executeWithoutResult(
                                status -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "appointments", "K7Q-4MX")
                                        .forClient("K7Q-4MX"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only transaction")
                .hasMessageContaining("must not be @Transactional(readOnly = true)");
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("counsellor1")
    void recordingInsideAWritingTransactionStillWorks() {
        var before = entries();
        transaction(false)
                .executeWithoutResult(
                        status -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "appointments", "K7Q-4MX")
                                .forClient("K7Q-4MX")));
        assertThat(entries()).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aRefusalInsideAReadOnlyTransactionIsRecordedInATransactionOfItsOwn() {
        var before = entries();
        transaction(true)
                .executeWithoutResult(
                        status -> auditLog.recordRefusal(AuditEvent.of(AuditAction.VIEW, "client", "K7Q-4MX")));
        assertThat(entries()).isEqualTo(before + 1);
    }
}
