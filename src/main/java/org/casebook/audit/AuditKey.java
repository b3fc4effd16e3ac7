package org.casebook.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The audit chain's HMAC key, from configuration, or generated once for development and demo runs. */
@Component
class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);
    private static final int MIN_BYTES = 32;

    private final byte[] key;

    AuditKey(AuditProperties properties) {
        this.key = load(properties);
    }

    byte[] bytes() {
        return key.clone();
    }

    private static byte[] load(AuditProperties properties) {
        var configured = properties.hmacKey();
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "casebook.audit.hmac-key (CASEBOOK_AUDIT_KEY)");
        }
        var file = properties.generatedKeyFile();
        if (Files.exists(file)) {
            try {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit key file " + file, e);
            }
        }
        if (!properties.generateKey()) {
            throw new AuditKeyUnavailableException("no audit HMAC key is configured (CASEBOOK_AUDIT_KEY).");
        }
        var generated = new byte[MIN_BYTES];
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
            throw new UncheckedIOException("cannot write the audit key file " + file, e);
        }
        log.info("Generated a new audit HMAC key in {} (development and demo only; production takes "
                + "CASEBOOK_AUDIT_KEY)", file);
        return generated;
    }

    private static byte[] decode(String base64, String source) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new AuditKeyUnavailableException("the audit HMAC key in " + source + " is not valid base64.");
        }
        if (decoded.length < MIN_BYTES) {
            throw new AuditKeyUnavailableException("the audit HMAC key in " + source + " is shorter than " + MIN_BYTES
                    + " bytes.");
        }
        return decoded;
    }
}
