package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL verification reads the log in chunks of blocks, several connections ahead, and walks
 * them in order: what it finds must not depend on where the chunks start and end. Here every block is
 * a chunk of its own.
 */
@TestPropertySource(properties = "casebook.audit.chain-interval=1h")
class AuditVerifierChunksPostgresTest extends PostgresTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditSequencer sequencer;

    @Autowired
    AuditProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    /** Thirty entries in ten blocks of three (1 to 3 in block 1, ...), then two not yet chained. */
    @BeforeEach
    void tenBlocksOfThreeAndTwoWaiting() throws Exception {
        AuditTamperPostgresTest.emptyLedger(jdbc, auditLog);
        Files.deleteIfExists(properties.anchorFile());
        verifier.chunkEntries = 3;
        for (int i = 1; i <= 32; i++) {
            transaction.executeWithoutResult(s -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "c")));
            if (i % 3 == 0 && i <= 30) {
                assertThat(sequencer.chainCommitted()).isEqualTo(3);
            }
        }
    }

    @AfterEach
    void usualChunks() {
        verifier.chunkEntries = 16_384;
    }

    private VerificationResult brokenAt(long seq, ChainProblem problem) {
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isFalse();
        assertThat(result.problem()).as(result.message()).isEqualTo(problem);
        assertThat(result.firstBrokenSeq()).as(result.message()).isEqualTo(seq);
        return result;
    }

    @Test
    void aLogSpanningManyChunksVerifiesWhole() {
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(32);
        assertThat(result.unchained()).isEqualTo(2);
    }

    @Test
    void anEditedEntryInAMiddleChunkIsFound() {
        AuditTamperPostgresTest.asSuperuser(jdbc, "update audit_entry set record_id = 'other' where seq = 17");
        brokenAt(17, ChainProblem.CHANGED);
    }

    @Test
    void anEntryDeletedInAMiddleChunkIsFound() {
        AuditTamperPostgresTest.asSuperuser(jdbc, "delete from audit_entry where seq = 14");
        assertThat(brokenAt(15, ChainProblem.MISSING).message()).contains("number 14");
    }

    @Test
    void anEntryMovedToTheNextChunksBlockIsFound() {
        AuditTamperPostgresTest.asSuperuser(jdbc, "update audit_entry set block_no = 6 where seq = 15");
        assertThat(verifier.verify().intact()).isFalse();
    }

    @Test
    void entriesClaimingBlocksBeforeTheFirstOrAfterTheLastAreFound() {
        AuditTamperPostgresTest.asSuperuser(jdbc, "update audit_entry set block_no = 999 where seq = 31");
        assertThat(brokenAt(31, ChainProblem.INSERTED).message()).contains("claims block 999");
        AuditTamperPostgresTest.asSuperuser(jdbc, "update audit_entry set block_no = -1 where seq = 32");
        assertThat(brokenAt(32, ChainProblem.INSERTED).message()).contains("claims block -1");
    }
}
