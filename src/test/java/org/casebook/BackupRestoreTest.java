package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.casebook.audit.AuditService;
import org.casebook.client.ClientService;
import org.casebook.security.SecondFactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * README "Backup and restore", done with PostgreSQL's own tools: a database with records and audit
 * entries is dumped with {@code pg_dump}, restored with {@code pg_restore} into a new database, and
 * Casebook started on the copy with the same keyset file, master key, audit key and anchor file reads
 * the records and finds the audit log intact.
 */
class BackupRestoreTest {

    private static final String MASTER_KEY = TestKeyset.newMasterKey();
    private static final String AUDIT_KEY = "dGVzdC1vbmx5LWF1ZGl0LWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5";
    private static final String MATCH_KEY = "dGVzdC1vbmx5LW1hdGNoLWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5YWJj";

    @TempDir
    Path files;

    @Test
    void aDumpRestoredWithPostgresToolsIntoANewDatabaseDecryptsAndPassesAuditVerification() throws Exception {
        var keyset = TestKeyset.create(files, MASTER_KEY);
        var anchors = files.resolve("audit-anchors.log");
        try (var postgres = SystemPostgres.start()) {
            createDatabase(postgres, "casebook_live");
            List<String> before;
            long entries;
            try (var live = start(postgres.url("casebook_live"), keyset, anchors, "demo")) {
                before = clientsAsCounsellor(live);
                entries = verifiedEntries(live);
            }
            assertThat(before).as("demo clients read before the backup").hasSizeGreaterThan(2);

            var dump = files.resolve("casebook.dump");
            postgres.tool("pg_dump", "--format=custom", "--file=" + dump, "casebook_live");
            createDatabase(postgres, "casebook_restored");
            postgres.tool("pg_restore", "--exit-on-error", "--dbname=casebook_restored", dump.toString());
            assertThat(Files.size(dump)).isPositive();

            try (var restored = start(postgres.url("casebook_restored"), keyset, anchors)) {
                assertThat(verifiedEntries(restored))
                        .as("audit entries verified on the copy")
                        .isGreaterThanOrEqualTo(entries);
                assertThat(clientsAsCounsellor(restored))
                        .as("clients read from the copy")
                        .isEqualTo(before);
            }
        }
    }

    private static void createDatabase(SystemPostgres postgres, String name) throws Exception {
        try (var connection = DriverManager.getConnection(postgres.url("postgres"), "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    /** Casebook as production configures it: the keyset file with its master key, the audit and match keys. */
    private static ConfigurableApplicationContext start(String url, Path keyset, Path anchors, String... profiles) {
        return new SpringApplicationBuilder(CasebookApplication.class)
                .profiles(profiles)
                .properties(
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=",
                        "server.port=0",
                        "management.server.port=0",
                        "spring.main.banner-mode=off",
                        "casebook.encryption.keyset-file=" + keyset,
                        "casebook.encryption.master-key=" + MASTER_KEY,
                        "casebook.encryption.generate-if-missing=false",
                        "casebook.audit.hmac-key=" + AUDIT_KEY,
                        "casebook.audit.generate-key=false",
                        "casebook.audit.anchor-file=" + anchors,
                        "casebook.referral.match-key=" + MATCH_KEY,
                        "casebook.referral.generate-match-key=false")
                .run();
    }

    /** Every client on counsellor1's caseload, opened through the client service: code, name, year of birth. */
    private static List<String> clientsAsCounsellor(ConfigurableApplicationContext app) {
        signIn(app, "counsellor1");
        try {
            var clients = app.getBean(ClientService.class);
            var seen = new ArrayList<String>();
            for (var row : clients.caseload(null, true, Pageable.ofSize(50))) {
                var details = clients.open(row.code());
                seen.add(row.code() + " " + details.preferredName() + " " + details.yearOfBirth());
            }
            return seen;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The administrator's "Verify integrity": the number of entries checked, after asserting the log is intact. */
    private static long verifiedEntries(ConfigurableApplicationContext app) {
        signIn(app, "admin");
        try {
            var result = app.getBean(AuditService.class).verify();
            assertThat(result.intact()).as(result.message()).isTrue();
            return result.entriesChecked();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void signIn(ConfigurableApplicationContext app, String username) {
        var user = app.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(SecondFactor.completed(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
    }
}
