package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.casebook.CasebookApplication;
import org.casebook.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL and on H2 (demo databases): a log written before the ledger (entries chained one to the next, the head row moving) upgrades in
 * place: its entries become block 0 and still verify, new entries chain on from its head, and a change
 * to an old entry is still found.
 */
class AuditLedgerMigrationTest {

    /** The test key of application-test.properties, which the upgraded application will use. */
    private static final byte[] TEST_KEY =
            Base64.getDecoder().decode("dGVzdC1vbmx5LWF1ZGl0LWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5");

    @Test
    void aChainWrittenBeforeTheLedgerStillVerifiesAndNewBlocksChainOnFromItsHead() {
        var url = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .placeholders(Map.of("appRole", "casebook_app"))
                .target("3")
                .load()
                .migrate();
        var old = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        byte[] legacyHead = writeLegacyChain(old, 5);

        try (var upgraded = new SpringApplicationBuilder(CasebookApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.main.banner-mode=off",
                        "--casebook.audit.chain-interval=1h")) {
            var verifier = upgraded.getBean(AuditVerifier.class);
            var jdbc = upgraded.getBean(JdbcTemplate.class);
            var before = verifier.verify();
            assertThat(before.intact()).as(before.message()).isTrue();
            assertThat(before.entriesChecked()).isEqualTo(5);
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where block_no = 0", Long.class))
                    .isEqualTo(5);

            var auditLog = upgraded.getBean(AuditLog.class);
            var transaction = upgraded.getBean(TransactionTemplate.class);
            for (int i = 0; i < 3; i++) {
                transaction.executeWithoutResult(
                        s -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "new")));
            }
            assertThat(jdbc.queryForObject("select min(seq) from audit_entry where block_no is null", Long.class))
                    .isGreaterThan(5);
            upgraded.getBean(AuditSequencer.class).chainCommitted();
            assertThat(jdbc.queryForObject("select prev_hash from audit_block where block_no = 1", byte[].class))
                    .isEqualTo(legacyHead);
            var after = verifier.verify();
            assertThat(after.intact()).as(after.message()).isTrue();
            assertThat(after.entriesChecked()).isEqualTo(8);

            AuditTamperPostgresTest.asSuperuser(jdbc, "update audit_entry set reason = 'edited' where seq = 2");
            var edited = verifier.verify();
            assertThat(edited.problem()).as(edited.message()).isEqualTo(ChainProblem.CHANGED);
            assertThat(edited.firstBrokenSeq()).isEqualTo(2);
        }
    }

    @Test
    void aDemoDatabaseOnH2WithEntriesFromBeforeTheLedgerUpgradesToo() {
        var url = "jdbc:h2:mem:legacy-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "casebook", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("3")
                .load()
                .migrate();
        byte[] legacyHead = writeLegacyChain(new JdbcTemplate(new DriverManagerDataSource(url, "casebook", "")), 4);

        try (var upgraded = new SpringApplicationBuilder(CasebookApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.main.banner-mode=off",
                        "--casebook.audit.chain-interval=1h")) {
            var auditLog = upgraded.getBean(AuditLog.class);
            var transaction = upgraded.getBean(TransactionTemplate.class);
            var jdbc = upgraded.getBean(JdbcTemplate.class);
            transaction.executeWithoutResult(s -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "new")));
            assertThat(jdbc.queryForObject("select seq from audit_entry where record_id = 'new'", Long.class))
                    .isGreaterThan(4);
            upgraded.getBean(AuditSequencer.class).chainCommitted();
            assertThat(jdbc.queryForObject("select prev_hash from audit_block where block_no = 1", byte[].class))
                    .isEqualTo(legacyHead);
            var result = upgraded.getBean(AuditVerifier.class).verify();
            assertThat(result.intact()).as(result.message()).isTrue();
            assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(5);
        }
    }

    /** Appends entries exactly as the log did before the ledger: chained, head row moved; returns the head. */
    private static byte[] writeLegacyChain(JdbcTemplate jdbc, int count) {
        var hasher = new ChainHasher(TEST_KEY);
        byte[] previous = new byte[ChainHasher.HASH_LENGTH];
        for (long seq = 1; seq <= count; seq++) {
            var entry = new StoredEntry(
                    seq,
                    1_700_000_000_000L + seq,
                    7L,
                    "counsellor1",
                    "COUNSELLOR",
                    "VIEW",
                    "client",
                    "c-" + seq,
                    "K7Q2M4",
                    "SUCCESS",
                    null,
                    "10.0.0.1",
                    previous,
                    new byte[0],
                    null,
                    0,
                    null);
            var hash = hasher.hash(entry);
            jdbc.update(
                    "insert into audit_entry (seq, occurred_at_ms, actor_id, actor_username, actor_roles, action, "
                            + "record_type, record_id, client_ref, outcome, reason, source_address, prev_hash, hash) "
                            + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    seq,
                    entry.occurredAtMs(),
                    entry.actorId(),
                    entry.actorUsername(),
                    entry.actorRoles(),
                    entry.action(),
                    entry.recordType(),
                    entry.recordId(),
                    entry.clientRef(),
                    entry.outcome(),
                    entry.reason(),
                    entry.sourceAddress(),
                    previous,
                    hash);
            jdbc.update("update audit_chain_head set seq = ?, hash = ? where id = 1", seq, hash);
            previous = hash;
        }
        return previous;
    }
}
