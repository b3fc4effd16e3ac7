package org.casebook.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit log throughput on a real PostgreSQL, on this machine. Not a test: it asserts nothing and
 * prints its figures (also to target/benchmarks/audit.txt). Run with
 * {@code ./mvnw -o -Pbenchmark test -Dtest=AuditBenchmark}.
 *
 * <ul>
 *   <li>append through {@link AuditLog} with 1, 4 and 16 concurrent writers, one entry per transaction,
 *       beside a plain INSERT of the same rows into a copy of the table, in the same run; the sequencer
 *       chains in the background every second as in production;</li>
 *   <li>the time from an append's commit to its block being sealed (median, max);</li>
 *   <li>verification speed over a ledger of a million entries.</li>
 * </ul>
 */
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=24")
class AuditBenchmark extends PostgresTest {

    private static final int APPENDS_PER_WRITER = Integer.getInteger("benchmark.appends", 2_000);
    private static final int VERIFY_ENTRIES = Integer.getInteger("benchmark.verifyEntries", 1_000_000);
    private static final int LOADED_BLOCK = 1_000;
    private static final int ROUNDS = 5;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditKey key;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    private final StringBuilder report = new StringBuilder();
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    /** Row ids, unique across rounds, so each append's commit time is matched to its own entry. */
    private final AtomicLong ids = new AtomicLong();

    @Test
    void measure() throws Exception {
        print("Audit log benchmark on PostgreSQL (%s), %d cores, JDK %s"
                .formatted(
                        jdbc.queryForObject("show server_version", String.class),
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.version()));
        // The same rows into a copy with the same indexes, and into a bare copy (the earlier baseline).
        jdbc.execute("create table audit_bench_plain (like audit_entry including defaults including indexes)");
        jdbc.execute("create table audit_bench_bare as select * from audit_entry where false");
        jdbc.execute("create sequence audit_bench_seq");

        print("");
        print("Appending, one entry per transaction (%d per writer); sequencer chaining every second:"
                .formatted(APPENDS_PER_WRITER));
        print("  writers   bare INSERT/s   INSERT/s (same indexes)   AuditLog/s   % of bare   % of same-index"
                + "   commit-to-chained median/max");
        for (int writers : new int[] {1, 4, 16}) {
            resetLedger();
            // warm-up, not measured
            seconds(writers, 200, i -> plainInsert("audit_bench_bare", i));
            seconds(writers, 200, i -> plainInsert("audit_bench_plain", i));
            seconds(writers, 200, this::append);
            committedAt.clear();
            // Interleaved rounds, so that other work on the machine weighs on all three alike.
            double bare = 0;
            double plain = 0;
            double chained = 0;
            int perRound = APPENDS_PER_WRITER / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                bare += seconds(writers, perRound, i -> plainInsert("audit_bench_bare", i));
                plain += seconds(writers, perRound, i -> plainInsert("audit_bench_plain", i));
                chained += seconds(writers, perRound, this::append);
            }
            double appends = (double) writers * perRound * ROUNDS;
            var latency = chainingLatency();
            print("  %7d   %13.0f   %23.0f   %10.0f   %8.0f%%   %14.0f%%   %s"
                    .formatted(
                            writers,
                            appends / bare,
                            appends / plain,
                            appends / chained,
                            100 * bare / chained,
                            100 * plain / chained,
                            latency));
        }
        var appended = verifier.verify();
        print("  ledger after the concurrent appends: " + appended.message());

        print("");
        print(
                "Verifying %,d entries in blocks of %,d (binary COPY in chunks through two connections, MACs checked on %d threads):"
                        .formatted(
                                VERIFY_ENTRIES,
                                LOADED_BLOCK,
                                Runtime.getRuntime().availableProcessors()));
        resetLedger();
        long loadStart = System.nanoTime();
        loadLedger(VERIFY_ENTRIES);
        print("  (loaded with COPY in %.1f s)".formatted((System.nanoTime() - loadStart) / 1e9));
        print("  the Java side alone, per thread: %,.0f entry MACs/s".formatted(macRate()));
        print("  reading alone, one connection (the whole log in chain order through one binary COPY, rows "
                + "dropped): %,.0f rows/s"
                        .formatted(copyRate("copy (select " + CopyRows.COLUMNS
                                + " from audit_entry order by block_no nulls last, seq) to stdout (format binary)")));
        // Five runs: the first ones also pay for the JIT compiling the verifier's loops.
        for (int run = 1; run <= 5; run++) {
            System.gc();
            long heapBefore = usedHeap();
            var result = verifier.verify();
            double seconds = result.took().toNanos() / 1e9;
            print("  run %d: %s %,.0f entries/s (%.2f s); heap in use before/after: %d/%d MiB"
                    .formatted(
                            run,
                            result.intact() ? "intact," : "BROKEN: " + result.message(),
                            result.entriesChecked() / seconds,
                            seconds,
                            heapBefore,
                            usedHeap()));
        }
        resetLedger();
        var out = Path.of("target", "benchmarks", "audit.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        print("(written to " + out + ")");
    }

    /** Rows a second through the verifier's binary COPY alone, each row's bytes read and dropped. */
    private double copyRate(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
            long rows = 0;
            long start = System.nanoTime();
            while (copy.readFromCopy() != null) {
                rows++;
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Entry MACs one thread computes a second, on entries like the loaded ones (no database). */
    private double macRate() {
        var hasher = new ChainHasher(key.bytes());
        var entry = new StoredEntry(
                1,
                System.currentTimeMillis(),
                3L,
                "counsellor3",
                "COUNSELLOR",
                "VIEW",
                "client",
                "c-123456",
                "K1234",
                "SUCCESS",
                null,
                "10.0.0.42",
                null,
                new byte[0],
                "11111111-2222-3333-4444-555555555555/1",
                123_456,
                7L);
        int n = 300_000;
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += hasher.mac(entry)[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return sink == Long.MIN_VALUE ? 0 : n / seconds;
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    private static long usedHeap() {
        var runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    private void resetLedger() {
        AuditTamperPostgresTest.emptyLedger(jdbc, auditLog);
        AuditTamperPostgresTest.asSuperuser(jdbc, "truncate audit_bench_plain", "truncate audit_bench_bare");
        jdbc.execute("vacuum analyze audit_entry");
        jdbc.execute("vacuum analyze audit_block");
    }

    private void append(int i) {
        var id = "bench-" + ids.incrementAndGet();
        transaction.executeWithoutResult(s ->
                auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", id).forClient("BENCH1")));
        committedAt.put(id, System.currentTimeMillis());
    }

    /** The same row as an append writes, without MAC work, writer slot or chaining. */
    private void plainInsert(String table, int i) {
        transaction.executeWithoutResult(s -> jdbc.update(
                "insert into " + table + " (seq, occurred_at_ms, actor_id, "
                        + "actor_username, actor_roles, action, record_type, record_id, client_ref, outcome, reason, "
                        + "source_address, hash, writer_id, writer_seq, written_ms) values (nextval('audit_bench_seq'), ?, "
                        + "null, null, null, 'VIEW', 'client', ?, 'BENCH1', 'SUCCESS', null, null, ?, ?, ?, ?)",
                System.currentTimeMillis(),
                "bench-" + i,
                new byte[32],
                "00000000-0000-0000-0000-000000000000/" + Thread.currentThread().threadId(),
                (long) i,
                System.currentTimeMillis()));
    }

    /** Waits until the background sequencer has chained everything, then reads commit-to-sealed times. */
    private String chainingLatency() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (jdbc.queryForObject("select count(*) from audit_entry where block_no is null", Long.class) > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<Long> latencies = new ArrayList<>();
        jdbc.query(
                "select e.record_id, b.sealed_at_ms from audit_entry e join audit_block b on b.block_no = e.block_no",
                rs -> {
                    var committed = committedAt.get(rs.getString(1));
                    if (committed != null) {
                        latencies.add(Math.max(0, rs.getLong(2) - committed));
                    }
                });
        if (latencies.isEmpty()) {
            return "n/a";
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return "%d ms / %d ms".formatted(sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }

    private interface Operation {
        void run(int i) throws Exception;
    }

    /** How long {@code writers} threads take to run the operation {@code perWriter} times each. */
    private static double seconds(int writers, int perWriter, Operation operation) throws Exception {
        var pool = Executors.newFixedThreadPool(writers);
        var counter = new AtomicLong();
        var futures = new ArrayList<Future<Void>>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            futures.add(pool.submit((Callable<Void>) () -> {
                for (int i = 0; i < perWriter; i++) {
                    operation.run((int) counter.incrementAndGet());
                }
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return seconds;
    }

    /** Writes a valid ledger straight into the tables with COPY, as if appended and chained. */
    private void loadLedger(int count) throws Exception {
        var hasher = new ChainHasher(key.bytes());
        var blockHasher = new ChainHasher(key.bytes());
        var hex = HexFormat.of();
        long start = System.currentTimeMillis() - count;
        byte[] previousBlock = jdbc.queryForObject("select hash from audit_block where block_no = 0", byte[].class);
        var blocks = new ArrayList<Object[]>();
        String writer = "11111111-2222-3333-4444-555555555555/1";
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy audit_entry (seq, occurred_at_ms, actor_id, actor_username, actor_roles, action, "
                            + "record_type, record_id, client_ref, outcome, reason, source_address, prev_hash, hash, "
                            + "writer_id, writer_seq, block_no, written_ms) from stdin");
            var chunk = new StringBuilder(1 << 20);
            long blockNo = 0;
            for (int i = 1; i <= count; i++) {
                if ((i - 1) % LOADED_BLOCK == 0) {
                    blockNo++;
                    int size = Math.min(LOADED_BLOCK, count - i + 1);
                    blocks.add(new Object[] {blockNo, previousBlock, size, (long) i, (long) (i + size - 1), start + i});
                    blockHasher.startBlock(blockNo, previousBlock, size, start + i);
                }
                var entry = new StoredEntry(
                        i,
                        start + i,
                        (long) (i % 7),
                        "counsellor" + (i % 7),
                        "COUNSELLOR",
                        "VIEW",
                        "client",
                        "c-" + i,
                        "K" + (i % 5000),
                        "SUCCESS",
                        null,
                        "10.0.0." + (i % 250),
                        null,
                        new byte[0],
                        writer,
                        i,
                        blockNo);
                var mac = hasher.mac(entry);
                blockHasher.addToBlock(i, mac);
                chunk.append(i)
                        .append('\t')
                        .append(entry.occurredAtMs())
                        .append('\t')
                        .append(entry.actorId())
                        .append('\t')
                        .append(entry.actorUsername())
                        .append("\tCOUNSELLOR\tVIEW\tclient\t")
                        .append(entry.recordId())
                        .append('\t')
                        .append(entry.clientRef())
                        .append("\tSUCCESS\t\\N\t")
                        .append(entry.sourceAddress())
                        .append("\t\\N\t\\\\x")
                        .append(hex.formatHex(mac))
                        .append('\t')
                        .append(writer)
                        .append('\t')
                        .append(i)
                        .append('\t')
                        .append(blockNo)
                        .append('\t')
                        .append(entry.occurredAtMs())
                        .append('\n');
                if (i % LOADED_BLOCK == 0 || i == count) {
                    var last = blocks.getLast();
                    previousBlock = blockHasher.finishBlock();
                    last = Arrays.copyOf(last, 7);
                    last[6] = previousBlock;
                    blocks.set(blocks.size() - 1, last);
                }
                if (chunk.length() > (1 << 20) - 1024) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        }
        jdbc.batchUpdate(
                "insert into audit_block (block_no, prev_hash, entry_count, first_seq, last_seq, sealed_at_ms, "
                        + "hash) values (?,?,?,?,?,?,?)",
                blocks);
        var last = blocks.getLast();
        jdbc.update("update audit_ledger_head set block_no = ?, hash = ? where id = 1", last[0], last[6]);
        jdbc.execute("vacuum analyze audit_entry");
        jdbc.execute("vacuum analyze audit_block");
    }

    private static void write(org.postgresql.copy.CopyIn copy, StringBuilder chunk) throws IOException {
        try {
            var bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
        chunk.setLength(0);
    }
}
