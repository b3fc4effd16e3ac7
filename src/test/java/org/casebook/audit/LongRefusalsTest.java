package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.casebook.security.NavigationDenied;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/** A refusal is recorded however long the path or code someone asked for (the columns hold 64 and 32). */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class LongRefusalsTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRefusedNavigationToAVeryLongPathIsRecordedShortened() {
        var path = "/admin/staff/" + "x".repeat(5000);
        events.publishEvent(new NavigationDenied(path, "counsellor1"));

        var recorded = jdbc.queryForMap("select action, outcome, record_id from audit_entry order by seq desc limit 1");
        assertThat(recorded.get("action")).isEqualTo("ACCESS_DENIED");
        assertThat(recorded.get("outcome")).isEqualTo("DENIED");
        assertThat((String) recorded.get("record_id")).isEqualTo(AuditEvent.fit(path, AuditEvent.MAX_RECORD_ID));
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    @WithUserDetails("supervisor")
    void aRefusalNamingALongClientCodeIsRecordedShortened() {
        var typed = "Z".repeat(400);
        auditLog.recordRefusal(
                AuditEvent.of(AuditAction.REASSIGN, "client", typed).forClient(typed));

        var recorded = jdbc.queryForMap("select record_id, client_ref from audit_entry order by seq desc limit 1");
        assertThat((String) recorded.get("record_id")).hasSize(AuditEvent.MAX_RECORD_ID);
        assertThat((String) recorded.get("client_ref")).hasSize(AuditEvent.MAX_CLIENT_REF);
    }
}
