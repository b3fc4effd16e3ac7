package org.casebook.encryption;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's last test (its own failsafe execution, after the browser and command tests): no text that
 * tests planted in encrypted fields appears in any log the build wrote. Tests print into
 * {@code target/surefire-reports/*-output.txt} and {@code target/failsafe-reports/*-output.txt}
 * (redirectTestOutputToFile), the jars the ITs start into {@code target/*.log}.
 */
class NoDecryptedTextInLogsIT {

    private static final Path TARGET = Path.of("target");

    @Test
    void noTextPlantedInEncryptedFieldsAppearsInAnyLogOfThisBuild() throws IOException {
        var logs = logsOfThisBuild();
        assertThat(logs).as("the browser test's application log").contains(TARGET.resolve("browser-it-app.log"));
        assertThat(PlantedMarkers.manifest())
                .as("markers planted in encrypted fields by this build's tests")
                .exists();
        assertThat(Files.readAllLines(PlantedMarkers.manifest())).isNotEmpty();

        assertThat(findings(logs, PlantedMarkers.PREFIX))
                .as("log lines holding text that was planted in encrypted fields (file:line)")
                .isEmpty();
    }

    @Test
    void theScanReadsWhatTheTestsPrinted() throws IOException {
        assertThat(findings(logsOfThisBuild(), PlantedMarkers.canary()))
                .as("this build's canary, logged on purpose through SLF4J by the first test that planted a marker")
                .isNotEmpty()
                .allSatisfy(finding -> assertThat(finding).contains("surefire-reports"));
    }

    @Test
    void theScanFindsALeakWhereThereIsOne(@TempDir Path folder) throws IOException {
        var leaky = folder.resolve("leaky-output.txt");
        Files.writeString(
                leaky,
                "2026-11-23T09:00:00Z  INFO 1 --- [main] o.c.session.SessionService : saved\n"
                        + "2026-11-23T09:00:01Z DEBUG 1 --- [main] o.c.session.SessionService : note text: Presentation: "
                        + PlantedMarkers.PREFIX + "-example-0001 (anxious)\n");
        var clean = folder.resolve("clean-output.txt");
        Files.writeString(clean, "2026-11-23T09:00:00Z  INFO 1 --- [main] o.c.session.SessionService : saved\n");

        assertThat(findings(List.of(leaky, clean), PlantedMarkers.PREFIX)).containsExactly(leaky + ":2");
    }

    static List<Path> logsOfThisBuild() throws IOException {
        var logs = new ArrayList<Path>();
        for (var reports : List.of(TARGET.resolve("surefire-reports"), TARGET.resolve("failsafe-reports"))) {
            logs.addAll(files(reports, "-output.txt"));
        }
        logs.addAll(files(TARGET, ".log"));
        return logs;
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    /** {@code file:line} of every line holding the text; never the line itself, which would repeat the leak. */
    static List<String> findings(List<Path> files, String text) throws IOException {
        var findings = new ArrayList<String>();
        for (var file : files) {
            // Latin-1 reads any bytes; an ASCII marker is found whatever the file's real encoding.
            var lines = Files.readAllLines(file, ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    findings.add(file + ":" + (i + 1));
                }
            }
        }
        return findings;
    }
}
