package org.casebook.encryption;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the keyset comes from, as {@link EncryptionProperties} says: the keyset JSON itself, a keyset file,
 * or (tests only) memory. In production a missing keyset is an error, never a reason to make a new one.
 * Logs where the keyset came from and its key ids, never key material.
 */
final class KeysetSource {

    private static final Logger log = LoggerFactory.getLogger(KeysetSource.class);

    private final EncryptionProperties properties;
    private final boolean production;
    private final @Nullable Aead masterKey;

    KeysetSource(EncryptionProperties properties, boolean production) {
        this.properties = properties;
        this.production = production;
        this.masterKey = Keysets.masterKey(properties.masterKey());
    }

    /** The keyset the application runs with; a development or demo run creates its file on first start. */
    KeysetHandle loadForApplication() {
        if (EncryptionProperties.isSet(properties.keyset()) || existingFile() != null) {
            return loadExisting();
        }
        var file = configuredFile();
        if (file != null && properties.generateIfMissing() && !production) {
            var keyset = Keysets.generate();
            write(keyset, file);
            log.info(
                    "Generated a new encryption keyset at {} with key {} (first start of a development or demo "
                            + "run). Keep it with the database: without it the encrypted fields cannot be read.",
                    file,
                    primaryKeyId(keyset));
            return keyset;
        }
        if (file == null && properties.inMemoryKeyset() && !production) {
            var keyset = Keysets.generate();
            log.info("Using a throw-away in-memory encryption keyset (tests only): nothing it encrypts outlives "
                    + "this process");
            return keyset;
        }
        return loadExisting(); // explains what is missing
    }

    /** The configured keyset; never generated. */
    KeysetHandle loadExisting() {
        KeysetHandle keyset;
        String source;
        if (EncryptionProperties.isSet(properties.keyset())) {
            source = "CASEBOOK_KEYSET";
            keyset = Keysets.parse(properties.keyset(), masterKey, source);
        } else {
            var file = existingFile();
            if (file == null) {
                throw new KeysetUnavailableException(
                        configuredFile() == null
                                ? "neither CASEBOOK_KEYSET_FILE nor CASEBOOK_KEYSET is set"
                                : "the keyset file " + configuredFile() + " does not exist");
            }
            source = file.toString();
            try {
                keyset = Keysets.parse(Files.readString(file, UTF_8), masterKey, source);
            } catch (IOException e) {
                throw new KeysetUnavailableException(
                        "the keyset file " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
        if (masterKey != null) {
            log.info(
                    "Encryption keyset read from {} (encrypted with the master key): {} key(s), primary key {}",
                    source,
                    keyset.size(),
                    primaryKeyId(keyset));
        } else {
            log.info(
                    "Encryption keyset read from {}: {} key(s), primary key {}",
                    source,
                    keyset.size(),
                    primaryKeyId(keyset));
            if (production) {
                log.warn(
                        "The encryption keyset is not encrypted with a master key: anyone who can read {} can read "
                                + "the clinical data. Set CASEBOOK_MASTER_KEY (README \"Encryption at rest\").",
                        source);
            }
        }
        return keyset;
    }

    /** Writes a keyset to a file, encrypted with the master key when there is one. */
    void write(KeysetHandle keyset, Path file) {
        try {
            Keysets.write(file, Keysets.serialize(keyset, masterKey));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the keyset file " + file, e);
        }
        if (masterKey == null && production) {
            log.warn(
                    "Wrote {} without a master key: the keys in it are readable by anyone who can read the file. "
                            + "Set CASEBOOK_MASTER_KEY (README \"Encryption at rest\").",
                    file);
        }
    }

    boolean fromEnvironmentVariable() {
        return EncryptionProperties.isSet(properties.keyset());
    }

    boolean encryptsWithMasterKey() {
        return masterKey != null;
    }

    @Nullable
    Path configuredFile() {
        return EncryptionProperties.isSet(properties.keysetFile())
                ? Path.of(properties.keysetFile().strip())
                : null;
    }

    private @Nullable Path existingFile() {
        var file = configuredFile();
        return file != null && Files.exists(file) ? file : null;
    }

    static String primaryKeyId(KeysetHandle keyset) {
        return Integer.toUnsignedString(keyset.getPrimary().getId());
    }
}
