package org.casebook.audit;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit entries for the load-data generator ({@code --casebook.command=generate-data}), written in bulk on
 * PostgreSQL and chained at once: each batch gets its entries' MACs from {@link ChainHasher} exactly as
 * {@link AuditLog} computes them, one generated writer's gapless numbering, and becomes one block sealed as
 * {@link AuditSequencer} seals one, under the same lock on the ledger head. Verification therefore treats
 * them like any other entries. Only for fictional generated data: the entries say what the generator made,
 * not what anyone did.
 */
@Component
public class GeneratedAuditEntries {

    /** What one generated entry says. */
    public record Entry(
            long occurredAtMs,
            long actorId,
            String actorUsername,
            String actorRoles,
            AuditAction action,
            String recordType,
            String recordId,
            @Nullable String clientRef,
            @Nullable String reason) {}

    /** One generated writer: its numbering continues across batches. */
    public static final class Writer {
        private final String id = "generated/" + UUID.randomUUID();
        private long taken;
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ChainHasher hasher;
    private final Clock clock;

    GeneratedAuditEntries(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditKey key, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.hasher = new ChainHasher(key.bytes());
        this.clock = clock;
    }

    public Writer newWriter() {
        return new Writer();
    }

    /**
     * Appends the entries through the writer and chains them as one block, in a transaction of its own.
     * At most {@link AuditSequencer#MAX_BLOCK} entries a call.
     */
    public synchronized void appendChained(Writer writer, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (entries.size() > AuditSequencer.MAX_BLOCK) {
            throw new IllegalArgumentException("at most " + AuditSequencer.MAX_BLOCK + " entries a block");
        }
        long firstNumber = writer.taken;
        transaction.executeWithoutResult(status -> seal(writer.id, firstNumber, entries));
        writer.taken = firstNumber + entries.size();
    }

    private void seal(String writerId, long numberBefore, List<Entry> entries) {
        var head =
                jdbc.queryForObject("select block_no, hash from audit_ledger_head where id = 1 for update", (rs, row) ->
                        new Object[] {rs.getLong(1), rs.getBytes(2)});
        long blockNo = (Long) head[0] + 1;
        byte[] previous = (byte[]) head[1];
        List<Long> seqs = new ArrayList<>(jdbc.queryForList(
                "select nextval('audit_entry_seq') from generate_series(1, ?)", Long.class, entries.size()));
        seqs.sort(null);
        long now = clock.millis();
        var hex = HexFormat.of();
        var copy = new StringBuilder(entries.size() * 300);
        var macs = new byte[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            long number = numberBefore + i + 1;
            var stored = new StoredEntry(
                    seqs.get(i),
                    e.occurredAtMs(),
                    e.actorId(),
                    e.actorUsername(),
                    e.actorRoles(),
                    e.action().name(),
                    e.recordType(),
                    e.recordId(),
                    e.clientRef(),
                    AuditOutcome.SUCCESS.name(),
                    e.reason(),
                    null,
                    null,
                    new byte[0],
                    writerId,
                    number,
                    null);
            macs[i] = hasher.mac(stored);
            copy.append(stored.seq())
                    .append('\t')
                    .append(stored.occurredAtMs())
                    .append('\t')
                    .append(stored.actorId())
                    .append('\t');
            text(copy, stored.actorUsername()).append('\t');
            text(copy, stored.actorRoles()).append('\t');
            text(copy, stored.action()).append('\t');
            text(copy, stored.recordType()).append('\t');
            text(copy, stored.recordId()).append('\t');
            text(copy, stored.clientRef()).append('\t');
            text(copy, stored.outcome()).append('\t');
            text(copy, stored.reason()).append('\t');
            copy.append("\\N\t\\\\x").append(hex.formatHex(macs[i])).append('\t');
            text(copy, writerId)
                    .append('\t')
                    .append(number)
                    .append('\t')
                    .append(now)
                    .append('\t')
                    .append(blockNo)
                    .append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy audit_entry (seq, "
                                        + "occurred_at_ms, actor_id, actor_username, actor_roles, action, record_type, record_id, "
                                        + "client_ref, outcome, reason, source_address, hash, writer_id, writer_seq, written_ms, block_no) "
                                        + "from stdin",
                                new StringReader(copy.toString()));
            } catch (IOException e) {
                throw new SQLException("could not copy generated audit entries", e);
            }
        });
        long sealedAt = clock.millis();
        hasher.startBlock(blockNo, previous, entries.size(), sealedAt);
        for (int i = 0; i < entries.size(); i++) {
            hasher.addToBlock(seqs.get(i), macs[i]);
        }
        byte[] hash = hasher.finishBlock();
        jdbc.update(
                "insert into audit_block (block_no, prev_hash, entry_count, first_seq, last_seq, sealed_at_ms, hash) "
                        + "values (?,?,?,?,?,?,?)",
                blockNo,
                previous,
                entries.size(),
                seqs.getFirst(),
                seqs.getLast(),
                sealedAt,
                hash);
        jdbc.update("update audit_ledger_head set block_no = ?, hash = ? where id = 1", blockNo, hash);
    }

    /** A value in PostgreSQL's text COPY format. */
    private static StringBuilder text(StringBuilder out, @Nullable String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}
