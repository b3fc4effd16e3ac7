package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The sequencer on PostgreSQL: a crash in the middle of a block, and entries that commit late. */
@TestPropertySource(properties = "casebook.audit.chain-interval=1h")
class AuditSequencerPostgresTest extends PostgresTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditSequencer sequencer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void emptyLedger() {
        AuditTamperPostgresTest.emptyLedger(jdbc, auditLog);
    }

    @AfterEach
    void noMoreCrashes() {
        sequencer.beforeSealing = () -> {};
    }

    private void record(String id) {
        transaction.executeWithoutResult(s -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", id)));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void aSequencerThatKeepsFailingSaysSoOnceNotEverySecondAndSaysWhenItRecovers() {
        var logger = (Logger) LoggerFactory.getLogger(AuditSequencer.class);
        var lines = new ListAppender<ILoggingEvent>();
        lines.start();
        logger.addAppender(lines);
        try {
            record("while-failing");
            sequencer.beforeSealing = () -> {
                throw new IllegalStateException("the database went away");
            };
            for (int run = 0; run < 5; run++) {
                sequencer.scheduledRun();
            }
            sequencer.beforeSealing = () -> {};
            sequencer.scheduledRun();

            var said = lines.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                    .toList();
            assertThat(said).hasSize(2);
            assertThat(said.get(0))
                    .startsWith("ERROR")
                    .contains("could not chain")
                    .contains("went away");
            assertThat(said.get(1)).startsWith("INFO").contains("again after 5 failed attempts");
            assertThat(count("select count(*) from audit_entry where block_no is null"))
                    .isZero();
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void aSequencerThatCrashesMidBlockLosesNothingAndTheNextRunDoublesNothing() {
        for (int i = 1; i <= 5; i++) {
            record("before-crash-" + i);
        }
        sequencer.beforeSealing = () -> {
            // The entries' block is already set in this transaction; the block is not yet written.
            assertThat(count("select count(*) from audit_entry where block_no = 1"))
                    .isEqualTo(5);
            throw new IllegalStateException("the sequencer's instance died");
        };
        assertThatThrownBy(sequencer::chainCommitted).hasMessageContaining("died");
        assertThat(count("select count(*) from audit_entry where block_no is null"))
                .isEqualTo(5);
        assertThat(count("select count(*) from audit_block where block_no > 0")).isZero();
        assertThat(count("select block_no from audit_ledger_head")).isZero();

        sequencer.beforeSealing = () -> {};
        record("after-crash");
        assertThat(sequencer.chainCommitted()).isEqualTo(6);
        assertThat(sequencer.chainCommitted()).isZero();
        assertThat(count("select count(*) from audit_block where block_no > 0")).isOne();
        assertThat(count("select entry_count from audit_block where block_no = 1"))
                .isEqualTo(6);
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(6);
        assertThat(result.unchained()).isZero();
    }

    @Test
    void anEntryWhoseTransactionCommitsLateIsChainedInALaterBlockNotSkipped() throws Exception {
        var written = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var late = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "late"));
            written.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        record("early");
        assertThat(sequencer.chainCommitted()).isOne();
        commit.countDown();
        late.get(30, TimeUnit.SECONDS);
        assertThat(sequencer.chainCommitted()).isOne();

        long lateSeq = count("select seq from audit_entry where record_id = 'late'");
        long earlySeq = count("select seq from audit_entry where record_id = 'early'");
        assertThat(lateSeq).isLessThan(earlySeq);
        assertThat(count("select block_no from audit_entry where record_id = 'early'"))
                .isEqualTo(1);
        assertThat(count("select block_no from audit_entry where record_id = 'late'"))
                .isEqualTo(2);
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(2);
    }

    @Test
    void blocksHoldAtMostTheirLimitAndOneRunChainsEverythingCommitted() {
        transaction.executeWithoutResult(s -> {
            for (int i = 0; i < AuditSequencer.MAX_BLOCK + 3; i++) {
                auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "many-" + i));
            }
        });
        assertThat(sequencer.chainCommitted()).isEqualTo(AuditSequencer.MAX_BLOCK + 3);
        assertThat(count("select count(*) from audit_block where block_no > 0")).isEqualTo(2);
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
    }
}
