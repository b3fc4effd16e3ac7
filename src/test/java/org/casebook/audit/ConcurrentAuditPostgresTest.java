package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casebook.CasebookApplication;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many writers at once, in two separately started application contexts (two "instances") on one
 * PostgreSQL, each with its own sequencer chaining every second: every entry must end up chained once,
 * in an intact ledger, with each writer's numbering gapless.
 */
class ConcurrentAuditPostgresTest extends PostgresTest {

    private static final int WRITERS_PER_INSTANCE = 4;
    private static final int ENTRIES_PER_WRITER = 40;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void concurrentWritersInTwoInstancesEndUpInOneIntactLedger() throws Exception {
        long before = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        try (var second = new SpringApplicationBuilder(CasebookApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.main.banner-mode=off")) {
            var secondLog = second.getBean(AuditLog.class);
            var secondTransaction = second.getBean(TransactionTemplate.class);
            var pool = Executors.newFixedThreadPool(2 * WRITERS_PER_INSTANCE);
            var futures = new ArrayList<Future<?>>();
            for (int w = 0; w < WRITERS_PER_INSTANCE; w++) {
                futures.add(pool.submit(writer("first-" + w, auditLog, transaction)));
                futures.add(pool.submit(writer("second-" + w, secondLog, secondTransaction)));
            }
            for (var future : futures) {
                future.get();
            }
            pool.shutdown();
            long expected = before + 2L * WRITERS_PER_INSTANCE * ENTRIES_PER_WRITER;
            assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class))
                    .isEqualTo(expected);
            // Both instances' sequencers run; within a few seconds everything is chained, once.
            long deadline = System.currentTimeMillis() + 30_000;
            while (jdbc.queryForObject("select count(*) from audit_entry where block_no is null", Long.class) > 0
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            var result = verifier.verify();
            assertThat(result.intact()).as(result.message()).isTrue();
            assertThat(result.entriesChecked()).isEqualTo(expected);
            assertThat(result.unchained()).isZero();
            assertThat(jdbc.queryForObject("select sum(entry_count) from audit_block where block_no > 0", Long.class))
                    .isEqualTo(jdbc.queryForObject("select count(*) from audit_entry where block_no > 0", Long.class));
            assertThat(jdbc.queryForObject(
                            "select count(distinct substring(writer_id from 1 for 36)) from audit_entry "
                                    + "where record_id like 'first-%' or record_id like 'second-%'",
                            Long.class))
                    .isEqualTo(2);
        }
    }

    private static Callable<Void> writer(String name, AuditLog log, TransactionTemplate transaction) {
        return () -> {
            for (int i = 0; i < ENTRIES_PER_WRITER; i++) {
                var id = name + "-" + i;
                transaction.executeWithoutResult(s -> log.record(AuditEvent.of(AuditAction.VIEW, "client", id)));
            }
            return null;
        };
    }
}
