package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code prod} profile as docker/ runs it: on PostgreSQL, with the roles that
 * {@code docker/postgres-init} creates, migrations as the owner, the application as a role that owns
 * nothing, and a keyset file encrypted with a master key.
 */
class ProductionProfileTest {

    private static final String OWNER_PASSWORD = TestPostgres.OWNER_PASSWORD;
    private static final String APP_PASSWORD = TestPostgres.APP_PASSWORD;
    private static final String MASTER_KEY = TestKeyset.newMasterKey();

    @TempDir
    static Path keys;

    private static Path keyset;
    private static final java.util.UUID RUN = java.util.UUID.randomUUID();

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
                var query = owner.createStatement()
                        .executeQuery("select (select count(*) from staff_account), "
                                + "(select tableowner from pg_tables where tablename = 'staff_account')")) {
            query.next();
            assertThat(query.getLong(1)).as("accounts seeded in production").isZero();
            assertThat(query.getString(2)).isEqualTo("casebook_owner");
        }
        try (var appRole = DriverManager.getConnection(url, "casebook_app", APP_PASSWORD);
                var statement = appRole.createStatement()) {
            assertThat(statement.executeQuery("select count(*) from staff_role").next())
                    .isTrue();
            assertThatThrownBy(() -> statement.execute("drop table staff_role")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("create table intruder (id int)"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void productionRefusesToStartWhileDemoAccountsExistAndTheRemedyItNamesWorks() throws Exception {
        var url = databaseWithDockerRoles();
        // An evaluation on this database: the demo accounts and their fictional records, some write-once.
        try (var evaluation = start(url, "prod", "evaluation")) {
            assertThat(evaluation.isRunning()).isTrue();
        }
        assertThatThrownBy(() -> startProduction(url))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Refusing to start in production: the database holds demo accounts that can "
                        + "sign in, and their password is public. Remove them with: java -jar casebook.jar "
                        + "--spring.profiles.active=prod --casebook.command=remove-demo-accounts");

        var command = new SpringApplicationBuilder(CasebookApplication.class)
                .profiles("prod", "command")
                .properties(productionProperties(url))
                .properties("casebook.command=remove-demo-accounts");
        assertThat(SpringApplication.exit(command.run())).isZero();

        try (var app = startProduction(url)) {
            assertThat(app.isRunning()).isTrue();
        }
        try (var owner = DriverManager.getConnection(url, "casebook_owner", OWNER_PASSWORD);
                var statement = owner.createStatement()) {
            var left = statement.executeQuery("select count(*) filter (where enabled or totp_secret is not null), "
                    + "count(*) from staff_account where demo");
            left.next();
            assertThat(left.getLong(1))
                    .as("demo accounts that could still sign in")
                    .isZero();
            var audited =
                    statement.executeQuery("select count(*) from audit_entry where action = 'ACCOUNT_DEACTIVATED' "
                            + "and reason like 'demo account %(remove-demo-accounts)%'");
            audited.next();
            assertThat(audited.getLong(1)).as("audited removals").isEqualTo(6);
        }
    }

    private static String databaseWithDockerRoles() {
        return TestPostgres.newDatabaseWithDockerRoles();
    }

    private static ConfigurableApplicationContext startProduction(String url) {
        return start(url, "prod");
    }

    private static ConfigurableApplicationContext start(String url, String... profiles) {
        return new SpringApplicationBuilder(CasebookApplication.class)
                .profiles(profiles)
                .properties(productionProperties(url))
                .run();
    }

    private static String[] productionProperties(String url) {
        return new String[] {
            "CASEBOOK_DB_URL=" + url,
            "CASEBOOK_DB_USER=casebook_app",
            "CASEBOOK_DB_PASSWORD=" + APP_PASSWORD,
            "CASEBOOK_DB_MIGRATION_USER=casebook_owner",
            "CASEBOOK_DB_MIGRATION_PASSWORD=" + OWNER_PASSWORD,
            "CASEBOOK_KEYSET_FILE=" + keyset,
            "CASEBOOK_MASTER_KEY=" + MASTER_KEY,
            "server.port=0",
            "management.server.port=0",
            "spring.main.banner-mode=off",
            "CASEBOOK_AUDIT_KEY=dGVzdC1vbmx5LWF1ZGl0LWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5",
            "CASEBOOK_MATCH_KEY=dGVzdC1vbmx5LW1hdGNoLWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5YWJj",
            // One anchor file per database: anchors belong to one audit chain.
            "CASEBOOK_AUDIT_ANCHOR_FILE=target/test-anchors/" + RUN + "-" + url.substring(url.lastIndexOf('/') + 1)
                    + ".log"
        };
    }
}
