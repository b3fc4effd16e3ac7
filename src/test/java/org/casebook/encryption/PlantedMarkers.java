package org.casebook.encryption;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * Marker text that tests put into encrypted fields. None of it may ever appear in a log: the build's
 * last test ({@code NoDecryptedTextInLogsIT}) searches every log of the run for the prefix. The same run
 * also logs a canary on purpose, so that scan can prove it reads what the tests print.
 */
final class PlantedMarkers {

    static final String PREFIX = "PLANTED-CLINICAL-MARKER";
    static final String CANARY_PREFIX = "PLANTED-LOG-CANARY";

    private static final AtomicBoolean CANARY_LOGGED = new AtomicBoolean();

    private PlantedMarkers() {}

    /** This build's id: Maven's build timestamp (surefire and failsafe get the same one), or "local". */
    static String run() {
        return System.getProperty("casebook.test-run", "local");
    }

    static Path manifest() {
        return Path.of("target", "planted-markers-" + run() + ".txt");
    }

    static String canary() {
        return CANARY_PREFIX + "-" + run();
    }

    /** A fresh marker, recorded in this run's manifest (a file, not a log). */
    static String plant(String what) {
        if (CANARY_LOGGED.compareAndSet(false, true)) {
            LoggerFactory.getLogger("org.casebook.encryption.LogScanCanary")
                    .info("Log scan canary (not clinical text; NoDecryptedTextInLogsIT looks for it): {}", canary());
        }
        var marker = PREFIX + "-" + what + "-" + UUID.randomUUID();
        try {
            Files.createDirectories(manifest().getParent());
            Files.writeString(
                    manifest(),
                    marker + System.lineSeparator(),
                    UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return marker;
    }
}
