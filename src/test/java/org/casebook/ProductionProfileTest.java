package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code prod} profile as docker/ runs it: on PostgreSQL, with the roles that
 * {@code docker/postgres-init} creates, migrations as the owner, the application as a role that owns
 * nothing, and a keyset file encrypted with a master key.
 */
class ProductionProfileTest {

    private static final String OWNER_PASSWORD = "owner-test-password";
    private static final String APP_PASSWORD = "app-test-password";
    private static final String MASTER_KEY = TestKeyset.newMasterKey();

    @TempDir
    static Path keys;

    private static Path keyset;

    @BeforeAll
    static void createKeyset() {
        keyset = TestKeyset.create(keys, MASTER_KEY);
    }

    @Test
    void productionMigratesAsOwnerRunsAsAppRoleAndSeedsNothing() throws Exception {
        var url = databaseWithDockerRoles();
        try (var app = startProduction(url)) {
            assertThat(app.isRunning()).isTrue();
        }
        try (var owner = DriverManager.getConnection(url, "casebook_owner", OWNER_PASSWORD);
                var query = owner.createStatement().executeQuery(
                        "select (select count(*) from staff_account), "
                                + "(select tableowner from pg_tables where tablename = 'staff_account')")) {
            query.next();
            assertThat(query.getLong(1)).as("accounts seeded in production").isZero();
            assertThat(query.getString(2)).isEqualTo("casebook_owner");
        }
        try (var appRole = DriverManager.getConnection(url, "casebook_app", APP_PASSWORD);
                var statement = appRole.createStatement()) {
            assertThat(statement.executeQuery("select count(*) from staff_role").next()).isTrue();
            assertThatThrownBy(() -> statement.execute("drop table staff_role")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("create table intruder (id int)"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void productionRefusesToStartWhileDemoAccountsExist() throws Exception {
        var url = databaseWithDockerRoles();
        startProduction(url).close();
        try (var owner = DriverManager.getConnection(url, "casebook_owner", OWNER_PASSWORD);
                var statement = owner.createStatement()) {
            statement.execute("insert into staff_account (username, display_name, email, password_hash, demo, "
                    + "created_at) values ('admin', 'Demo', 'admin@demo.invalid', '{noop}x', true, now())");
        }
        assertThatThrownBy(() -> startProduction(url)).isInstanceOf(IllegalStateException.class).hasMessage(
                "Refusing to start in production: the database holds demo accounts, whose password is public. "
                        + "Remove them (staff_account.demo = true) or use a fresh database.");
    }

    private static String databaseWithDockerRoles() throws Exception {
        var url = TestPostgres.newDatabase();
        var database = url.substring(url.lastIndexOf('/') + 1);
        var script = Files.readString(Path.of("docker", "postgres-init", "casebook-roles.psql"))
                .replace(":'owner_password'", "'" + OWNER_PASSWORD + "'")
                .replace(":'app_password'", "'" + APP_PASSWORD + "'")
                .replace(":\"dbname\"", '"' + database + '"');
        try (var superuser = TestPostgres.superuser(url); var statement = superuser.createStatement()) {
            var roles = statement.executeQuery("select count(*) from pg_roles where rolname like 'casebook_%'");
            roles.next();
            if (roles.getInt(1) > 0) {
                // Roles belong to the whole server; an earlier test on this server already created them.
                script = script.lines().filter(line -> !line.startsWith("create role"))
                        .collect(java.util.stream.Collectors.joining("\n"));
            }
            statement.execute(script);
        }
        return url;
    }

    private static ConfigurableApplicationContext startProduction(String url) {
        return new SpringApplicationBuilder(CasebookApplication.class)
                .profiles("prod")
                .properties("CASEBOOK_DB_URL=" + url,
                        "CASEBOOK_DB_USER=casebook_app", "CASEBOOK_DB_PASSWORD=" + APP_PASSWORD,
                        "CASEBOOK_DB_MIGRATION_USER=casebook_owner",
                        "CASEBOOK_DB_MIGRATION_PASSWORD=" + OWNER_PASSWORD,
                        "CASEBOOK_KEYSET_FILE=" + keyset, "CASEBOOK_MASTER_KEY=" + MASTER_KEY,
                        "server.port=0", "management.server.port=0", "spring.main.banner-mode=off",
                        "CASEBOOK_AUDIT_KEY=dGVzdC1vbmx5LWF1ZGl0LWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5",
                        "CASEBOOK_MATCH_KEY=dGVzdC1vbmx5LW1hdGNoLWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5YWJj",
                        "CASEBOOK_AUDIT_ANCHOR_FILE=target/test-anchors/" + java.util.UUID.randomUUID() + ".log")
                .run();
    }
}
