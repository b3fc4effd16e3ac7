package org.casebook.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

class AuditWordsTest {

    private static AuditEntry entry(String type, String id, String client) {
        return new AuditEntry(
                1,
                Instant.EPOCH,
                7L,
                "admin",
                "ADMIN",
                AuditAction.VIEW,
                type,
                id,
                client,
                AuditOutcome.SUCCESS,
                null,
                null);
    }

    @Test
    void noCodeReachesAPersonReadingTheAuditLog() {
        var names = Map.of(7L, "Robin Counsellor (demo)");
        assertThat(AuditWords.record(entry("staff-account", "7", null), names::get))
                .isEqualTo("Staff account: Robin Counsellor (demo)");
        assertThat(AuditWords.record(
                        entry("session-note", "0a1b2c3d-1111-2222-3333-444455556666", "ABC-DEF"), names::get))
                .isEqualTo("Session note (ref. 0a1b2c3d)");
        assertThat(AuditWords.record(entry("client", "ABC-DEF", "ABC-DEF"), names::get))
                .isEqualTo("Client");
        assertThat(AuditWords.recordType("risk-trigger-dates")).isEqualTo("Risk trigger dates");
        assertThat(AuditWords.roles("COUNSELLOR,SUPERVISOR")).isEqualTo("Counsellor, Supervisor");
        assertThat(AuditWords.outcome(AuditOutcome.DENIED)).isEqualTo("Refused");
        assertThat(AuditWords.outcome(AuditOutcome.SUCCESS)).isEmpty();
    }
}
