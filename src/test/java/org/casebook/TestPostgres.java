package org.casebook;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test run (started from Maven artifacts, no Docker), with a fresh
 * database for each Spring context that asks for one.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL; the superuser is postgres/postgres. */
    public static String newDatabase() {
        var name = "casebook_" + DATABASES.incrementAndGet();
        try (var connection = server().getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
    }

    /** A superuser connection to the given database. */
    public static java.sql.Connection superuser(String url) throws SQLException {
        return java.sql.DriverManager.getConnection(url, "postgres", "postgres");
    }

    /** The password {@link #newDatabaseWithDockerRoles()} gives {@code casebook_owner} (test only). */
    public static final String OWNER_PASSWORD = "owner-test-password";
    /** The password {@link #newDatabaseWithDockerRoles()} gives {@code casebook_app} (test only). */
    public static final String APP_PASSWORD = "app-test-password";

    /**
     * An empty database set up as docker/ sets up production's: {@code docker/postgres-init}'s script
     * creates {@code casebook_owner} (owns the schema, runs the migrations) and {@code casebook_app} (row
     * privileges only), with {@link #OWNER_PASSWORD} and {@link #APP_PASSWORD}.
     */
    public static synchronized String newDatabaseWithDockerRoles() {
        var url = newDatabase();
        var database = url.substring(url.lastIndexOf('/') + 1);
        try (var superuser = superuser(url);
                var statement = superuser.createStatement()) {
            var script = java.nio.file.Files.readString(
                            java.nio.file.Path.of("docker", "postgres-init", "casebook-roles.psql"))
                    .replace(":'owner_password'", "'" + OWNER_PASSWORD + "'")
                    .replace(":'app_password'", "'" + APP_PASSWORD + "'")
                    .replace(":\"dbname\"", '"' + database + '"');
            var roles = statement.executeQuery("select count(*) from pg_roles where rolname like 'casebook_%'");
            roles.next();
            if (roles.getInt(1) > 0) {
                // Roles belong to the whole server; an earlier database on this server already created them.
                script = script.lines()
                        .filter(line -> !line.startsWith("create role"))
                        .collect(java.util.stream.Collectors.joining("\n"));
            }
            statement.execute(script);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not set up " + database + " with docker/postgres-init's roles", e);
        }
        return url;
    }
}
