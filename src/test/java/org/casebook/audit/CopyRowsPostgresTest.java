package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verification on PostgreSQL reads entries from a binary COPY and builds each MAC's input from the wire
 * bytes; these must be exactly the bytes {@link ChainHasher} authenticates, for every kind of value.
 */
@TestPropertySource(properties = "casebook.audit.chain-interval=1h")
class CopyRowsPostgresTest extends PostgresTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditKey key;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void binaryCopyRowsGiveTheSameMacInputNumbersAndHashAsTheEntriesTheyHold() {
        AuditTamperPostgresTest.emptyLedger(jdbc, auditLog);
        transaction.executeWithoutResult(s -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "c-1")
                .forClient("K1")
                .because("Grüße, ✓ and 😀 in a reason")));
        // Every nullable column NULL, as only a forger or a legacy row would have it.
        jdbc.update(
                "insert into audit_entry (occurred_at_ms, action, outcome, hash) values (?, 'VIEW', 'SUCCESS', ?)",
                -5L,
                new byte[] {1, 2, 3});
        // A legacy entry (block 0) with its previous hash, and a long reason.
        jdbc.update(
                "insert into audit_entry (occurred_at_ms, actor_id, actor_username, action, outcome, reason, "
                        + "prev_hash, hash, block_no, written_ms) values (?, ?, 'é', 'VIEW', 'FAILURE', ?, ?, ?, 0, 42)",
                1_700_000_000_000L,
                Long.MAX_VALUE,
                "ü".repeat(500),
                new byte[32],
                new byte[] {9, 9});

        var hasher = new ChainHasher(key.bytes());
        Map<Long, StoredEntry> expected = new HashMap<>();
        Map<Long, Long> written = new HashMap<>();
        jdbc.query("select " + StoredEntry.COLUMNS + ", written_ms from audit_entry", rs -> {
            var entry = StoredEntry.read(rs);
            expected.put(entry.seq(), entry);
            long w = rs.getLong(18);
            written.put(entry.seq(), rs.wasNull() ? null : w);
        });
        assertThat(expected).hasSize(3);

        int[] seen = {0};
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            var copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("copy (select " + CopyRows.COLUMNS + " from audit_entry) to stdout (format binary)");
            var rows = new CopyRows();
            var row = new EntryRow();
            byte[] message;
            while ((message = copy.readFromCopy()) != null) {
                if (!rows.read(message, row)) {
                    continue;
                }
                seen[0]++;
                var entry = expected.get(row.seq);
                assertThat(entry).isNotNull();
                assertThat(row.chained).isEqualTo(entry.blockNo() != null);
                assertThat(row.blockNo).isEqualTo(entry.blockNo() == null ? 0 : entry.blockNo());
                assertThat(row.hasWritten ? (Long) row.writtenMs : null).isEqualTo(written.get(row.seq));
                assertThat(row.writerId()).isEqualTo(entry.writerId());
                assertThat(row.writerSeq).isEqualTo(entry.writerSeq());
                assertThat(Arrays.copyOfRange(row.hash, row.hashOffset, row.hashOffset + row.hashLength))
                        .isEqualTo(entry.hash());
                if (entry.blockNo() != null && entry.blockNo() == 0) {
                    assertThat(row.legacy).isNotNull();
                    assertThat(row.legacy).usingRecursiveComparison().isEqualTo(entry);
                    assertThat(hasher.hash(row.legacy)).isEqualTo(hasher.hash(entry));
                } else {
                    assertThat(row.legacy).isNull();
                    assertThat(Arrays.copyOf(row.macInput, row.macLength)).isEqualTo(hasher.macInput(entry));
                }
            }
            return null;
        });
        assertThat(seen[0]).isEqualTo(3);
    }
}
