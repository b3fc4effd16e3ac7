package org.casebook.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.casebook.TestKeyset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The key commands on the packaged production jar, as an operator runs them: real processes, real exit
 * statuses, configuration from environment variables, no web server. Each process's output is kept in
 * {@code target/command-it-*.log} (and searched by {@code NoDecryptedTextInLogsIT}). The re-encryption
 * command, which starts the whole application, is run in-process by {@code EncryptionCommandsTest}.
 */
class EncryptionCommandsIT {

    private static final Path WORK = Path.of("target", "command-it");

    private static Path jar;

    @BeforeAll
    static void findJarAndCleanUp() throws IOException {
        jar = Path.of(System.getProperty("casebook.jar", "target/casebook.jar"));
        assertThat(jar).as("the production jar; run through 'mvnw verify'").exists();
        if (Files.exists(WORK)) {
            try (var files = Files.walk(WORK)) {
                for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(WORK);
    }

    @Test
    void keyCommandsExitZeroWhenDoneAndOneWhenNot() throws Exception {
        var masterKey = TestKeyset.newMasterKey();
        var keyset = WORK.resolve("keyset.json");
        var production = Map.of(
                "SPRING_PROFILES_ACTIVE",
                "prod",
                "CASEBOOK_KEYSET_FILE",
                keyset.toString(),
                "CASEBOOK_MASTER_KEY",
                masterKey);
        var failing = CompletableFuture.supplyAsync(() -> casebook(
                "rotate-key-without-keyset", Map.of("SPRING_PROFILES_ACTIVE", "prod"), "--casebook.rotate-key"));

        var created = casebook("create-keyset", production, "--casebook.create-keyset");
        assertThat(created.status()).as(created.output()).isZero();
        assertThat(created.output()).contains("Created the keyset " + keyset, "encrypted with the master key");

        var rotated = casebook("rotate-key", production, "--casebook.rotate-key");
        assertThat(rotated.status()).as(rotated.output()).isZero();
        assertThat(rotated.output()).contains("Wrote " + keyset + ": new primary key", "2 key(s) in all");

        var withoutKeyset = failing.get(5, TimeUnit.MINUTES);
        assertThat(withoutKeyset.status()).as(withoutKeyset.output()).isOne();
        assertThat(withoutKeyset.output())
                .contains("Cannot do --casebook.rotate-key: neither CASEBOOK_KEYSET_FILE nor "
                        + "CASEBOOK_KEYSET is set");

        for (var run : List.of(created, rotated, withoutKeyset)) {
            assertThat(run.output()).doesNotContain(masterKey).doesNotContain("Tomcat");
        }
    }

    private record Run(int status, String output) {}

    /** Runs {@code java -jar casebook.jar args} with only the given Casebook variables in its environment. */
    private static Run casebook(String name, Map<String, String> environment, String... args) {
        var log = Path.of("target", "command-it-" + name + ".log");
        var command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("CASEBOOK_") || key.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        try {
            var process = builder.start();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not finish; see " + log);
            }
            return new Run(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
