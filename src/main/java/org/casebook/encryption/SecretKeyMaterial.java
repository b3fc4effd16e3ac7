package org.casebook.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A symmetric key kept outside the database (the audit chain's HMAC key, the referral match key): base64
 * from configuration, as production requires; or, for development and demo runs only, generated once into
 * a file readable by its owner alone. Holds no key itself; callers keep what it returns.
 *
 * @param what the key's name in messages, e.g. {@code "audit HMAC key"}
 * @param variable the environment variable production sets, e.g. {@code "CASEBOOK_AUDIT_KEY"}
 * @param minBytes the shortest acceptable key
 */
public record SecretKeyMaterial(String what, String variable, int minBytes) {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyMaterial.class);

    /**
     * The configured key if there is one; else the key in {@code file}; else, when {@code mayGenerate}, a
     * new random key written to {@code file}; else refused.
     *
     * @throws SecretKeyUnavailableException when there is no usable key (start-up stops with one clear sentence)
     */
    public byte[] load(@Nullable String configured, Path file, boolean mayGenerate) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), variable);
        }
        if (Files.exists(file)) {
            try {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + what + " file " + file, e);
            }
        }
        if (!mayGenerate) {
            throw new SecretKeyUnavailableException(this, "no " + what + " is configured (" + variable + ").");
        }
        var generated = new byte[minBytes];
        new SecureRandom().nextBytes(generated);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + what + " file " + file, e);
        }
        log.info("Generated a new {} in {} (development and demo only; production takes {})", what, file, variable);
        return generated;
    }

    private byte[] decode(String base64, String source) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SecretKeyUnavailableException(this, "the " + what + " in " + source + " is not valid base64.");
        }
        if (decoded.length < minBytes) {
            throw new SecretKeyUnavailableException(
                    this, "the " + what + " in " + source + " is shorter than " + minBytes + " bytes.");
        }
        return decoded;
    }
}
