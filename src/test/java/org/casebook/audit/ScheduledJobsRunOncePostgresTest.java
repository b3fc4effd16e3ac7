package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casebook.CasebookApplication;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application instances (two separately started contexts) on one PostgreSQL: each scheduled job
 * runs on one of them only. Each instance writes audit anchors to its own file, so without the
 * cluster-wide lock both files would get the same anchor.
 */
class ScheduledJobsRunOncePostgresTest extends PostgresTest {

    @Autowired
    AuditAnchors anchors;

    @Autowired
    AuditProperties properties;

    @Autowired
    ScheduledVerification verification;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void anAuditAnchorIsWrittenByOneInstanceOnlyWhenBothRunTheJob() throws IOException {
        try (var second = new SpringApplicationBuilder(CasebookApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.main.banner-mode=off")) {
            var secondFile = second.getBean(AuditProperties.class).anchorFile();
            assertThat(secondFile).isNotEqualTo(properties.anchorFile());
            transaction.executeWithoutResult(
                    s -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "lock-test")));

            anchors.scheduledAnchor();
            second.getBean(AuditAnchors.class).scheduledAnchor();

            assertThat(lines(properties.anchorFile()) + lines(secondFile))
                    .as("anchor lines written by both instances together")
                    .isEqualTo(1);
        }
    }

    @Test
    void scheduledVerificationHoldsItsLockForItsWholeIntervalSoTheOtherInstanceSkipsIt() {
        verification.verify();

        var lockedFor = jdbc.queryForObject(
                "select extract(epoch from lock_until - locked_at) from shedlock where name = 'audit-verification'",
                Double.class);
        assertThat(lockedFor).as("seconds the verification lock is held").isEqualTo(3600.0);
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file)
                ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count()
                : 0;
    }
}
