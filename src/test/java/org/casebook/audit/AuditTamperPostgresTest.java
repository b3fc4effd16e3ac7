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
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering as a PostgreSQL superuser would (triggers switched off), and the verification that finds it.
 * The sequencer does not run on its own here: each test chains when it wants to.
 */
@TestPropertySource(properties = "casebook.audit.chain-interval=1h")
class AuditTamperPostgresTest extends PostgresTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditAnchors anchors;

    @Autowired
    AuditSequencer sequencer;

    @Autowired
    AuditService auditService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditProperties properties;

    private Path anchorFile;

    /** Runs SQL with triggers off, as a superuser can. */
    static void asSuperuser(JdbcTemplate jdbc, String... statements) {
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

    private void asSuperuser(String... statements) {
        asSuperuser(jdbc, statements);
    }

    /** Empties the log (block 0, the empty legacy segment, stays) and starts new writers. */
    static void emptyLedger(JdbcTemplate jdbc, AuditLog auditLog) {
        asSuperuser(
                jdbc,
                "truncate audit_entry",
                "delete from audit_block where block_no > 0",
                "update audit_ledger_head set block_no = 0, hash = (select hash from audit_block where block_no = 0)",
                "alter sequence audit_entry_seq restart with 1",
                "create unique index if not exists audit_entry_writer_idx on audit_entry (writer_id, writer_seq)");
        auditLog.forgetWriters();
    }

    private void record(String id) {
        transaction.executeWithoutResult(s -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", id)));
    }

    /** Entries 1 to 6 in block 1, 7 to 10 in block 2, all by one writer. */
    @BeforeEach
    void freshLedgerOfTenEntriesInTwoBlocks() throws Exception {
        emptyLedger(jdbc, auditLog);
        anchorFile = properties.anchorFile();
        Files.deleteIfExists(anchorFile);
        for (int i = 1; i <= 10; i++) {
            record("r" + i);
            if (i == 6) {
                assertThat(sequencer.chainCommitted()).isEqualTo(6);
            }
        }
        assertThat(sequencer.chainCommitted()).isEqualTo(4);
        var fresh = verifier.verify();
        assertThat(fresh.intact()).as(fresh.message()).isTrue();
        assertThat(fresh.entriesChecked()).isEqualTo(10);
        assertThat(fresh.unchained()).isZero();
    }

    private VerificationResult brokenAt(long seq, ChainProblem problem) {
        var result = broken(problem);
        assertThat(result.firstBrokenSeq()).as(result.message()).isEqualTo(seq);
        return result;
    }

    private VerificationResult broken(ChainProblem problem) {
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isFalse();
        assertThat(result.problem()).as(result.message()).isEqualTo(problem);
        return result;
    }

    @Test
    void triggersRefuseEveryChangeButSettingAnUnchainedEntrysBlockEvenToTheOwner() {
        record("unchained");
        for (var sql : List.of(
                "update audit_entry set reason = 'x' where seq = 1",
                "delete from audit_entry where seq = 1",
                "truncate audit_entry",
                "delete from audit_chain_head",
                "update audit_chain_head set seq = 1",
                "update audit_entry set block_no = 2 where seq = 1",
                "update audit_entry set block_no = 3, reason = 'x' where seq = 11",
                "update audit_entry set block_no = null where seq = 1",
                "update audit_block set entry_count = 5",
                "delete from audit_block where block_no = 2",
                "truncate audit_block",
                "delete from audit_ledger_head")) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause().hasMessageContaining("append-only");
        }
        assertThat(jdbc.update("update audit_entry set block_no = 3 where seq = 11"))
                .isOne();
    }

    @Test
    void anEditedChainedEntryIsFound() {
        asSuperuser("update audit_entry set actor_username = 'someone-else' where seq = 4");
        assertThat(brokenAt(4, ChainProblem.CHANGED).message()).contains("Entry 4");
    }

    @Test
    void anEditedEntryNotYetChainedIsFound() {
        record("r11");
        record("r12");
        asSuperuser("update audit_entry set outcome = 'DENIED' where seq = 11");
        var result = brokenAt(11, ChainProblem.CHANGED);
        assertThat(result.unchained()).isEqualTo(2);
    }

    @Test
    void aDeletedChainedEntryIsFound() {
        asSuperuser("delete from audit_entry where seq = 5");
        assertThat(brokenAt(6, ChainProblem.MISSING).message()).contains("before entry 6", "number 5");
    }

    @Test
    void anEntryRemovedFromTheEndOfABlockIsFoundByTheBlockCount() {
        asSuperuser("delete from audit_entry where seq = 6");
        assertThat(broken(ChainProblem.MISSING).message()).contains("Block 1 lists 6 entries but holds only 5");
    }

    @Test
    void anEntryDeletedAfterItsCommitButBeforeItWasChainedIsFound() {
        record("r11");
        record("r12");
        record("r13");
        asSuperuser("delete from audit_entry where seq = 12");
        assertThat(brokenAt(13, ChainProblem.MISSING).message()).contains("number 12");
        // Chaining what is left does not hide it.
        sequencer.chainCommitted();
        brokenAt(13, ChainProblem.MISSING);
    }

    @Test
    void theLastEntryDeletedBeforeItWasChainedIsFoundByTheWitnessAndThenByVerification() {
        record("r11");
        asSuperuser("delete from audit_entry where seq = 11");
        sequencer.witness();
        var alert = jdbc.queryForMap("select seq, action, outcome, reason from audit_entry where action = 'VERIFY'");
        assertThat(alert).containsEntry("outcome", "FAILURE");
        assertThat((String) alert.get("reason")).contains("entry 11 of writer", "removed before it was chained");
        // The alert took the next number of the same writer, so the gap shows in the log itself.
        var result = brokenAt((Long) alert.get("seq"), ChainProblem.MISSING);
        assertThat(result.message()).contains("number 11");
    }

    @Test
    void aCopiedEntryAddedAtTheEndIsFound() {
        // The unique index on writer positions would refuse the copy; a superuser drops it first.
        asSuperuser(
                "drop index audit_entry_writer_idx",
                "insert into audit_entry (" + StoredEntry.COLUMNS + ") select 11, occurred_at_ms, actor_id, "
                        + "actor_username, actor_roles, 'EXPORT', record_type, record_id, client_ref, outcome, reason, "
                        + "source_address, prev_hash, decode(repeat('ab', 32), 'hex'), writer_id, writer_seq, null "
                        + "from audit_entry where seq = 10");
        assertThat(brokenAt(11, ChainProblem.INSERTED).message()).contains("not written by Casebook");
    }

    @Test
    void anEntryForgedUnderANewWriterIsFound() {
        asSuperuser("insert into audit_entry (" + StoredEntry.COLUMNS + ") select 11, occurred_at_ms, actor_id, "
                + "actor_username, actor_roles, 'EXPORT', record_type, record_id, client_ref, outcome, reason, "
                + "source_address, prev_hash, decode(repeat('ab', 32), 'hex'), 'forger/1', 1, null "
                + "from audit_entry where seq = 10");
        assertThat(brokenAt(11, ChainProblem.INSERTED).message()).contains("Entry 11 was not written by Casebook");
    }

    @Test
    void aForgedEntrySlippedIntoABlockIsFound() {
        asSuperuser("insert into audit_entry (" + StoredEntry.COLUMNS + ") select 100, occurred_at_ms, actor_id, "
                + "actor_username, actor_roles, 'EXPORT', record_type, record_id, client_ref, outcome, reason, "
                + "source_address, prev_hash, decode(repeat('cd', 32), 'hex'), 'forger/1', 1, 1 "
                + "from audit_entry where seq = 3");
        brokenAt(100, ChainProblem.INSERTED);
    }

    @Test
    void aReplayedEntryWithItsGenuineMacIsFound() {
        asSuperuser(
                "drop index audit_entry_writer_idx",
                "insert into audit_entry (" + StoredEntry.COLUMNS + ") select 100, occurred_at_ms, actor_id, "
                        + "actor_username, actor_roles, action, record_type, record_id, client_ref, outcome, reason, "
                        + "source_address, prev_hash, hash, writer_id, writer_seq, null from audit_entry where seq = 3");
        assertThat(brokenAt(100, ChainProblem.INSERTED).message()).contains("repeats entry 3");
    }

    @Test
    void twoSwappedEntriesAreFound() {
        asSuperuser(
                "update audit_entry set seq = 1003 where seq = 3",
                "update audit_entry set seq = 3 where seq = 4",
                "update audit_entry set seq = 4 where seq = 1003");
        brokenAt(3, ChainProblem.REORDERED);
    }

    @Test
    void swappedBlocksAreFound() {
        asSuperuser(
                "update audit_entry set block_no = 102 where block_no = 1",
                "update audit_entry set block_no = 1 where block_no = 2",
                "update audit_entry set block_no = 2 where block_no = 102",
                "update audit_block set block_no = 102 where block_no = 1",
                "update audit_block set block_no = 1 where block_no = 2",
                "update audit_block set block_no = 2 where block_no = 102");
        assertThat(broken(ChainProblem.REORDERED).message()).contains("Block 1 does not follow block 0");
    }

    @Test
    void aTailCutOffIsFoundFromTheLedgerHead() {
        asSuperuser("delete from audit_entry where block_no = 2", "delete from audit_block where block_no = 2");
        assertThat(broken(ChainProblem.MISSING).message()).contains("Block 2 is missing");
    }

    @Test
    void aTailCutOffWithTheHeadMovedBackIsFoundFromTheAnchor() {
        anchors.anchorNow();
        asSuperuser(
                "delete from audit_entry where block_no = 2",
                "delete from audit_block where block_no = 2",
                "update audit_ledger_head set block_no = 1, hash = (select hash from audit_block where block_no = 1)");
        assertThat(broken(ChainProblem.MISSING).message()).contains("anchor", "block 2");
    }

    @Test
    void aForgedAnchorLineIsFound() throws Exception {
        anchors.anchorNow();
        var line = Files.readString(anchorFile);
        assertThat(line).startsWith("b2 ");
        Files.writeString(anchorFile, line.replaceFirst("^b2 ", "b3 "));
        assertThat(verifier.verify().message()).contains("anchor file is not authentic");
    }

    @Test
    void entriesWaitingToBeChainedAreCountedAndThoseWaitingTooLongReported() {
        record("r11");
        record("r12");
        var waiting = verifier.verify();
        assertThat(waiting.intact()).as(waiting.message()).isTrue();
        assertThat(waiting.unchained()).isEqualTo(2);
        assertThat(waiting.overdue()).isZero();
        assertThat(waiting.message()).contains("2 entries not yet chained");

        asSuperuser("update audit_entry set written_ms = written_ms - 60000 where seq = 11");
        var late = verifier.verify();
        assertThat(late.overdue()).isOne();
        assertThat(late.message()).contains("1 entry has waited longer than 10 s to be chained");

        sequencer.chainCommitted();
        var chained = verifier.verify();
        assertThat(chained.unchained()).isZero();
        assertThat(chained.overdue()).isZero();
        assertThat(chained.intact()).as(chained.message()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void theAuditViewsChainStatusCountsWaitingEntriesAndThoseWaitingTooLong() {
        record("r11");
        record("r12");
        asSuperuser("update audit_entry set written_ms = written_ms - 60000 where seq = 11");
        var status = auditService.chainStatus();
        assertThat(status.unchained()).isEqualTo(2);
        assertThat(status.overdue()).isOne();
        sequencer.chainCommitted();
        assertThat(auditService.chainStatus().unchained()).isZero();
    }
}
