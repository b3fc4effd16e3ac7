package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering as a PostgreSQL superuser would (triggers switched off), and the verification that finds it.
 */
class AuditTamperPostgresTest extends PostgresTest {

    @Autowired AuditLog auditLog;
    @Autowired AuditVerifier verifier;
    @Autowired AuditAnchors anchors;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    @Autowired AuditProperties properties;

    private Path anchorFile;

    /** Runs SQL with triggers off, as a superuser can. */
    private void asSuperuser(String... statements) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
                for (var sql : statements) {
                    statement.execute(sql);
                }
                statement.execute("set session_replication_role = origin");
            }
            return null;
        });
    }

    @BeforeEach
    void freshChainOfTenEntries() throws Exception {
        asSuperuser("truncate audit_entry",
                "update audit_chain_head set seq = 0, hash = decode(repeat('00', 32), 'hex')");
        anchorFile = properties.anchorFile();
        Files.deleteIfExists(anchorFile);
        for (int i = 1; i <= 10; i++) {
            var n = i;
            transaction.executeWithoutResult(s -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "r" + n)));
        }
        var fresh = verifier.verify();
        assertThat(fresh.intact()).as(fresh.message()).isTrue();
    }

    private VerificationResult brokenAt(long seq, ChainProblem problem) {
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isFalse();
        assertThat(result.problem()).as(result.message()).isEqualTo(problem);
        assertThat(result.firstBrokenSeq()).as(result.message()).isEqualTo(seq);
        return result;
    }

    @Test
    void triggersRefuseUpdateDeleteAndTruncateEvenToTheOwner() {
        for (var sql : List.of("update audit_entry set reason = 'x' where seq = 1", "delete from audit_entry where seq = 1",
                "truncate audit_entry", "delete from audit_chain_head")) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause().hasMessageContaining("append-only");
        }
    }

    @Test
    void anEditedFieldIsFound() {
        asSuperuser("update audit_entry set actor_username = 'someone-else' where seq = 4");
        assertThat(brokenAt(4, ChainProblem.CHANGED).message()).contains("Entry 4");
    }

    @Test
    void aDeletedEntryIsFound() {
        asSuperuser("delete from audit_entry where seq = 5");
        brokenAt(5, ChainProblem.MISSING);
    }

    @Test
    void aForgedEntryAddedAtTheEndIsFound() {
        asSuperuser("insert into audit_entry (" + StoredEntry.COLUMNS + ") select 11, occurred_at_ms, actor_id, "
                + "actor_username, actor_roles, 'EXPORT', record_type, record_id, client_ref, outcome, reason, "
                + "source_address, hash, decode(repeat('ab', 32), 'hex') from audit_entry where seq = 10");
        brokenAt(11, ChainProblem.INSERTED);
    }

    @Test
    void aForgedEntrySlippedIntoTheMiddleIsFound() {
        // Make room after entry 6 by renumbering the later entries, then forge entry 7 linked to entry 6.
        asSuperuser("update audit_entry set seq = seq + 100 where seq > 6",
                "update audit_entry set seq = seq - 99 where seq > 100",
                "insert into audit_entry (" + StoredEntry.COLUMNS + ") select 7, occurred_at_ms, actor_id, "
                        + "actor_username, actor_roles, 'EXPORT', record_type, record_id, client_ref, outcome, reason, "
                        + "source_address, hash, decode(repeat('cd', 32), 'hex') from audit_entry where seq = 6");
        brokenAt(7, ChainProblem.INSERTED);
    }

    @Test
    void twoSwappedEntriesAreFound() {
        asSuperuser("update audit_entry set seq = 1003 where seq = 3", "update audit_entry set seq = 3 where seq = 4",
                "update audit_entry set seq = 4 where seq = 1003");
        brokenAt(3, ChainProblem.REORDERED);
    }

    @Test
    void aTailCutOffIsFoundFromTheChainHead() {
        asSuperuser("delete from audit_entry where seq > 8");
        brokenAt(9, ChainProblem.MISSING);
    }

    @Test
    void aTailCutOffWithTheHeadMovedBackIsFoundFromTheAnchor() {
        anchors.anchorNow();
        asSuperuser("delete from audit_entry where seq > 8",
                "update audit_chain_head set seq = 8, hash = (select hash from audit_entry where seq = 8)");
        assertThat(brokenAt(9, ChainProblem.MISSING).message()).contains("anchor");
    }

    @Test
    void aForgedAnchorLineIsFound() throws Exception {
        anchors.anchorNow();
        var line = Files.readString(anchorFile);
        Files.writeString(anchorFile, line.replaceFirst("^10 ", "12 "));
        assertThat(verifier.verify().message()).contains("anchor file is not authentic");
    }
}
