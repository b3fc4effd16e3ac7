package org.casebook;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Start to ready of the packaged jar on the demo profile: a first start on an empty folder (keys, database and
 * demo data created) and a second start on the same folder, each until "Casebook is ready" is logged; wall time
 * and the process's CPU time, and the log lines' timestamps for the phases. Not a test: prints its figures (also
 * to target/benchmarks/startup.txt). Needs the jar ({@code ./mvnw -o package -DskipTests}); run with
 * {@code ./mvnw -o -Pbenchmark test -Dtest=StartupBenchmark [-Dbenchmark.starts=3]}.
 */
class StartupBenchmark {

    private static final int STARTS = Integer.getInteger("benchmark.starts", 3);
    private static final List<String> PHASES = List.of(
            "Starting CasebookApplication",
            "Tomcat initialized",
            "Root WebApplicationContext",
            "Successfully validated",
            "Migrating schema",
            "Successfully applied",
            "HHH",
            "Initialized JPA EntityManagerFactory",
            "Started CasebookApplication",
            "Casebook is ready");

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        var jar = Path.of(System.getProperty("casebook.jar", "target/casebook.jar"))
                .toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -o package -DskipTests first");
        }
        print("Start to ready, demo profile, %s, JDK %s, %d processors, load average %.1f"
                .formatted(
                        jar.getFileName(),
                        Runtime.version(),
                        Runtime.getRuntime().availableProcessors(),
                        loadAverage()));
        for (int round = 1; round <= STARTS; round++) {
            var folder = Files.createTempDirectory("casebook-startup");
            start("round " + round + ", first start (empty folder)", jar, folder);
            start("round " + round + ", second start", jar, folder);
        }
        var file = Path.of("target", "benchmarks", "startup.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private void start(String name, Path jar, Path folder) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-jar",
                jar.toString(),
                "--spring.profiles.active=demo",
                "--server.port=0",
                "--management.server.port=-1"));
        long started = System.nanoTime();
        var process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        var lines = new ArrayList<String>();
        long readyAt = -1;
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
                if (line.contains("Casebook is ready at")) {
                    readyAt = System.nanoTime();
                    break;
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(3)) {
                    break;
                }
            }
            var cpu = process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
            if (readyAt < 0) {
                lines.forEach(System.out::println);
                throw new IllegalStateException(name + ": never ready");
            }
            print("");
            print("%-36s %6d ms wall, %6d ms CPU".formatted(name, (readyAt - started) / 1_000_000, cpu.toMillis()));
            for (var line : lines) {
                if (PHASES.stream().anyMatch(line::contains)) {
                    print("    " + (line.length() > 160 ? line.substring(0, 160) : line));
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
