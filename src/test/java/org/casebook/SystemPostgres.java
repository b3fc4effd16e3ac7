package org.casebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server from the operating system's own packages, started for a test, with the client
 * tools of the same major version ({@code pg_dump}, {@code pg_restore}): they refuse a server newer than
 * themselves, and the embedded PostgreSQL the other tests use ships no client tools. On Debian the
 * {@code postgresql} package provides both under {@code /usr/lib/postgresql/<major>/bin} ({@code .ci/run}
 * installs it); {@code CASEBOOK_PG_BIN} names another folder. As root, the server runs as {@code postgres}.
 */
public final class SystemPostgres implements AutoCloseable {

    private static final List<String> NEEDED = List.of("initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore");

    private final Path bin;
    private final Path data;
    private final int port;

    private SystemPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** Initialises and starts a fresh server (trust authentication, localhost only) on a free port. */
    public static SystemPostgres start() {
        var bin = binaries();
        try {
            var data = Files.createTempDirectory("casebook-system-pg-");
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var server = new SystemPostgres(bin, data, port);
            if (root()) {
                run(List.of("chown", "postgres:postgres", data.toString()));
            }
            server.asServerUser(
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.resolve("cluster").toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C");
            server.asServerUser(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.resolve("cluster").toString(),
                    "-w",
                    "-l",
                    data.resolve("server.log").toString(),
                    "-o",
                    "-p " + port + " -k " + data + " -c listen_addresses=localhost",
                    "start");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String version() {
        return bin.getParent().getFileName().toString();
    }

    /** Runs {@code pg_dump} or {@code pg_restore} (or another client tool) against this server. */
    public void tool(String name, String... arguments) {
        var command = new ArrayList<>(List.of(
                bin.resolve(name).toString(), "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres"));
        command.addAll(List.of(arguments));
        run(command);
    }

    @Override
    public void close() {
        asServerUser(
                bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-m", "fast", "-w", "stop");
    }

    private void asServerUser(String... command) {
        var full = new ArrayList<String>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() {
        var configured = System.getenv("CASEBOOK_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> NEEDED.stream().allMatch(tool -> Files.isExecutable(bin.resolve(tool))))
                    .max(Comparator.comparingInt(bin ->
                            Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL's server and client tools were not found under "
                            + "/usr/lib/postgresql/<major>/bin: install Debian's postgresql package (.ci/run does) or set "
                            + "CASEBOOK_PG_BIN",
                    e);
        }
    }

    private static void run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
