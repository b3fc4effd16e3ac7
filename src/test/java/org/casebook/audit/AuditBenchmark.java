package org.casebook.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit log throughput on a real PostgreSQL, on this machine. Not a test: it asserts nothing and
 * prints its figures (also to target/benchmarks/audit.txt). Run with {@code ./mvnw -Pbenchmark test}.
 *
 * <ul>
 *   <li>append through {@link AuditLog} with 1 and 4 concurrent writers, one entry per transaction, beside
 *       a plain INSERT of the same rows into an unchained copy of the table, in the same run;</li>
 *   <li>verification speed over a chain of a million entries.</li>
 * </ul>
 */
class AuditBenchmark extends PostgresTest {

    private static final int APPENDS_PER_WRITER = Integer.getInteger("benchmark.appends", 2_000);
    private static final int VERIFY_ENTRIES = Integer.getInteger("benchmark.verifyEntries", 1_000_000);

    @Autowired AuditLog auditLog;
    @Autowired AuditVerifier verifier;
    @Autowired AuditKey key;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired DataSource dataSource;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        print("Audit log benchmark on PostgreSQL (%s), %d cores, JDK %s".formatted(
                jdbc.queryForObject("show server_version", String.class), Runtime.getRuntime().availableProcessors(),
                Runtime.version()));
        jdbc.execute("create table audit_bench_plain as select * from audit_entry where false");
        jdbc.execute("create sequence audit_bench_seq");

        print("");
        print("Appending, one entry per transaction (%d per writer):".formatted(APPENDS_PER_WRITER));
        print("  writers   plain INSERT/s   AuditLog append/s   append as % of plain");
        for (int writers : new int[] {1, 4}) {
            resetChain();
            // warm-up, not measured
            rate(writers, 200, this::plainInsert);
            rate(writers, 200, this::append);
            double plain = rate(writers, APPENDS_PER_WRITER, this::plainInsert);
            double chained = rate(writers, APPENDS_PER_WRITER, this::append);
            print("  %7d   %14.0f   %17.0f   %19.0f%%".formatted(writers, plain, chained, 100 * chained / plain));
        }
        var appended = verifier.verify();
        print("  chain after the concurrent appends: " + appended.message());

        print("");
        print("Verifying %,d entries (streamed, never loaded whole):".formatted(VERIFY_ENTRIES));
        resetChain();
        long loadStart = System.nanoTime();
        loadChain(VERIFY_ENTRIES);
        print("  (loaded with COPY in %.1f s)".formatted((System.nanoTime() - loadStart) / 1e9));
        for (int run = 1; run <= 3; run++) {
            System.gc();
            long heapBefore = usedHeap();
            var result = verifier.verify();
            double seconds = result.took().toNanos() / 1e9;
            print("  run %d: %s %,.0f entries/s (%.2f s); heap in use before/after: %d/%d MiB".formatted(run,
                    result.intact() ? "intact," : "BROKEN: " + result.message(), result.entriesChecked() / seconds,
                    seconds, heapBefore, usedHeap()));
        }
        var out = Path.of("target", "benchmarks", "audit.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        print("(written to " + out + ")");
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    private static long usedHeap() {
        var runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    private void resetChain() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var s = connection.createStatement()) {
                s.execute("set session_replication_role = replica");
                s.execute("truncate audit_entry");
                s.execute("truncate audit_bench_plain");
                s.execute("update audit_chain_head set seq = 0, hash = decode(repeat('00', 32), 'hex')");
                s.execute("set session_replication_role = origin");
            }
            return null;
        });
        jdbc.execute("vacuum analyze audit_entry");
    }

    private void append(int i) {
        transaction.executeWithoutResult(s -> auditLog.record(
                AuditEvent.of(AuditAction.VIEW, "client", "bench-" + i).forClient("BENCH1")));
    }

    /** The same row as an append writes, minus the chain: no head lock, no hash. */
    private void plainInsert(int i) {
        transaction.executeWithoutResult(s -> jdbc.update("insert into audit_bench_plain (" + StoredEntry.COLUMNS
                + ") values (nextval('audit_bench_seq'), ?, null, null, null, 'VIEW', 'client', ?, 'BENCH1', "
                + "'SUCCESS', null, null, ?, ?)", System.currentTimeMillis(), "bench-" + i, new byte[32], new byte[32]));
    }

    private interface Operation {
        void run(int i) throws Exception;
    }

    private static double rate(int writers, int perWriter, Operation operation) throws Exception {
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
        return writers * (double) perWriter / seconds;
    }

    /** Writes a valid chain straight into the table with COPY, as if appended one by one. */
    private void loadChain(int count) throws Exception {
        var hasher = new ChainHasher(key.bytes());
        var hex = HexFormat.of();
        byte[] previous = new byte[ChainHasher.HASH_LENGTH];
        long start = System.currentTimeMillis() - count;
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy audit_entry (" + StoredEntry.COLUMNS + ") from stdin");
            var chunk = new StringBuilder(1 << 20);
            for (int i = 1; i <= count; i++) {
                var entry = new StoredEntry(i, start + i, (long) (i % 7), "counsellor" + (i % 7), "COUNSELLOR", "VIEW",
                        "client", "c-" + i, "K" + (i % 5000), "SUCCESS", null, "10.0.0." + (i % 250), previous,
                        new byte[0]);
                var hash = hasher.hash(entry);
                chunk.append(i).append('\t').append(entry.occurredAtMs()).append('\t').append(entry.actorId())
                        .append('\t').append(entry.actorUsername()).append("\tCOUNSELLOR\tVIEW\tclient\t")
                        .append(entry.recordId()).append('\t').append(entry.clientRef()).append("\tSUCCESS\t\\N\t")
                        .append(entry.sourceAddress()).append("\t\\\\x").append(hex.formatHex(previous))
                        .append("\t\\\\x").append(hex.formatHex(hash)).append('\n');
                previous = hash;
                if (chunk.length() > (1 << 20) - 1024) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        }
        jdbc.update("update audit_chain_head set seq = ?, hash = ? where id = 1", (long) count, previous);
        jdbc.execute("vacuum analyze audit_entry");
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
