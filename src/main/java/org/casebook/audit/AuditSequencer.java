package org.casebook.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed entries into blocks, one instance at a time, and witnesses that this instance's own
 * entries reach the chain.
 *
 * <p>Each run locks the ledger head row ({@code select ... for update}: the only lock of the ledger,
 * never taken by writers; a second instance waits for it, then finds nothing or only what committed
 * since), collects every committed entry not yet in a block in number order, and in the same
 * transaction sets their block, appends the block and moves the head. A crash anywhere in between rolls
 * the whole block back; the next run chains the same entries again, so nothing is lost or doubled. An
 * entry whose number is lower than entries already chained (its transaction committed later) is simply
 * in a later block: blocks follow commit order, not number order.
 */
@Component
class AuditSequencer {

    /** The most entries one block holds; a run seals as many blocks as it needs. */
    static final int MAX_BLOCK = 10_000;

    private static final Logger log = LoggerFactory.getLogger(AuditSequencer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ChainHasher hasher;
    private final Clock clock;
    private final AuditLog auditLog;
    /** A test's stand-in for a crash between setting the entries' block and appending the block. */
    Runnable beforeSealing = () -> {};
    /** Runs in a row that failed; while the database is away, one line says so, not one a second. */
    private long failedRuns;

    /** While runs keep failing, a reminder after this many of them (about a minute at the default interval). */
    static final long REMIND_EVERY = 60;

    AuditSequencer(
            JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditKey key, Clock clock, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.hasher = new ChainHasher(key.bytes());
        this.clock = clock;
        this.auditLog = auditLog;
    }

    @Scheduled(
            fixedDelayString = "${casebook.audit.chain-interval:1s}",
            initialDelayString = "${casebook.audit.chain-interval:1s}")
    void scheduledRun() {
        try {
            chainCommitted();
            witness();
        } catch (RuntimeException e) {
            failedRuns++;
            if (failedRuns == 1) {
                log.error(
                        "The audit sequencer could not chain entries; it keeps trying and says when it "
                                + "succeeds again: {}",
                        e.toString());
            } else if (failedRuns % REMIND_EVERY == 0) {
                log.warn(
                        "The audit sequencer has still not chained entries after {} attempts: {}",
                        failedRuns,
                        e.toString());
            } else {
                log.debug("The audit sequencer failed again ({} attempts): {}", failedRuns, e.toString());
            }
            return;
        }
        if (failedRuns > 0) {
            log.info("The audit sequencer chains entries again after {} failed attempts", failedRuns);
            failedRuns = 0;
        }
    }

    /** Chains every entry committed so far; returns how many it chained. */
    synchronized long chainCommitted() {
        long chained = 0;
        int sealed;
        do {
            Integer count = transaction.execute(status -> sealOneBlock());
            sealed = count == null ? 0 : count;
            chained += sealed;
        } while (sealed == MAX_BLOCK);
        return chained;
    }

    private record Member(long seq, byte[] mac) {}

    private int sealOneBlock() {
        var head =
                jdbc.queryForObject("select block_no, hash from audit_ledger_head where id = 1 for update", (rs, row) ->
                        new Object[] {rs.getLong(1), rs.getBytes(2)});
        var members = jdbc.query(
                "select seq, hash from audit_entry where block_no is null order by seq limit " + MAX_BLOCK,
                (rs, row) -> new Member(rs.getLong(1), rs.getBytes(2)));
        if (members.isEmpty()) {
            return 0;
        }
        long blockNo = (Long) head[0] + 1;
        byte[] previous = (byte[]) head[1];
        var numbers = members.stream().map(Member::seq).toArray(Long[]::new);
        int updated = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var update = connection.prepareStatement(
                    "update audit_entry set block_no = ? where seq = any(?) and block_no is null")) {
                update.setLong(1, blockNo);
                update.setArray(2, connection.createArrayOf("bigint", numbers));
                return update.executeUpdate();
            }
        });
        if (updated != members.size()) {
            throw new IllegalStateException("entries of block " + blockNo + " were chained by someone else");
        }
        // Taken as late as possible: the benchmark reads commit-to-chained time from it.
        long sealedAt = clock.millis();
        hasher.startBlock(blockNo, previous, members.size(), sealedAt);
        for (var member : members) {
            hasher.addToBlock(member.seq(), member.mac());
        }
        byte[] hash = hasher.finishBlock();
        beforeSealing.run();
        jdbc.update(
                "insert into audit_block (block_no, prev_hash, entry_count, first_seq, last_seq, sealed_at_ms, hash) "
                        + "values (?,?,?,?,?,?,?)",
                blockNo,
                previous,
                members.size(),
                members.getFirst().seq(),
                members.getLast().seq(),
                sealedAt,
                hash);
        jdbc.update("update audit_ledger_head set block_no = ?, hash = ? where id = 1", blockNo, hash);
        return members.size();
    }

    /**
     * Checks that the last committed entry of each of this instance's writers is still there, and
     * remembers it once chained. An entry deleted after its commit but before it was chained, with no
     * later entry of its writer to betray the gap, is found here (by the instance that wrote it).
     */
    void witness() {
        record Missing(AuditLog.Writer writer, long number) {}
        List<Missing> missing = new ArrayList<>();
        for (var writer : auditLog.writers()) {
            long committed = writer.committed;
            if (committed <= writer.witnessed) {
                continue;
            }
            var blocks = jdbc.queryForList(
                    "select block_no from audit_entry where writer_id = ? and writer_seq = ?",
                    Long.class,
                    writer.id,
                    committed);
            if (blocks.isEmpty()) {
                missing.add(new Missing(writer, committed));
                log.error(
                        "AUDIT LOG INTEGRITY ALERT: entry {} of writer {} was committed and has since been removed",
                        committed,
                        writer.id);
                writer.witnessed = committed;
            } else if (blocks.getFirst() != null) {
                writer.witnessed = committed;
            }
        }
        for (var gone : missing) {
            auditLog.recordThrough(
                    gone.writer(),
                    AuditEvent.of(AuditAction.VERIFY, "audit-log", gone.writer().id)
                            .withOutcome(AuditOutcome.FAILURE)
                            .because("entry " + gone.number() + " of writer " + gone.writer().id
                                    + " was removed before it was chained"));
        }
    }
}
