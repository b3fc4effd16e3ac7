package org.casebook;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL server of a test's own (not {@link TestPostgres}' shared one) that the test can stop and
 * start again: a fixed data directory and port, so it comes back with the same data at the same address,
 * as a production database does after an outage.
 */
public final class RestartablePostgres {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new server with an empty database {@code casebook}; it is stopped when the JVM ends. */
    public static RestartablePostgres started(String name) {
        try {
            var directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "postgres-" + name + "-");
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var postgres = new RestartablePostgres(directory, port);
            postgres.start();
            try (var connection = DriverManager.getConnection(postgres.url("postgres"), "postgres", "postgres")) {
                connection.createStatement().execute("create database casebook");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
    }

    public String url() {
        return url("casebook");
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Starts the server again on the same data and port. */
    public synchronized void start() {
        if (server == null) {
            startOnce();
        }
    }

    private void startOnce() {
        try {
            // Never cleaned: zonky deletes a "clean" data directory when the server stops. An empty directory
            // (the first start) is initialised; afterwards the same data is used. It lives under target/.
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut, as in a real outage). */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            } finally {
                server = null;
            }
        }
    }
}
