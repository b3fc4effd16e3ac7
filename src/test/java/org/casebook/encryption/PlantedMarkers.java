package org.casebook.encryption;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Marker text that tests put into encrypted fields. None of it may ever appear in a log. */
final class PlantedMarkers {

    static final String PREFIX = "PLANTED-CLINICAL-MARKER";

    private PlantedMarkers() {}

    /** This build's id, or "local". */
    static String run() {
        return System.getProperty("casebook.test-run", "local");
    }

    static Path manifest() {
        return Path.of("target", "planted-markers-" + run() + ".txt");
    }

    /** A fresh marker, recorded in this run's manifest (a file, not a log). */
    static String plant(String what) {
        var marker = PREFIX + "-" + what + "-" + UUID.randomUUID();
        try {
            Files.createDirectories(manifest().getParent());
            Files.writeString(manifest(), marker + System.lineSeparator(), UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return marker;
    }
}
