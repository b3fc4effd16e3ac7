package org.casebook.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keyed blind indexes (HMAC-SHA256 of a normalised value) of a referral's phone number, email address and
 * name with year of birth, so possible duplicates are found by equality in the database while the values
 * themselves stay encrypted. The key is separate from the encryption keyset and from the database: without
 * it, the indexes cannot be recomputed from guessed phone numbers or names. A separate key (rather than
 * one derived from the Tink keyset) keeps the encryption module's API to seal and open, and lets the
 * index key be rotated on its own (re-index from the decrypted values).
 */
@Component
@EnableConfigurationProperties(MatchProperties.class)
class BlindIndex {

    private static final Logger log = LoggerFactory.getLogger(BlindIndex.class);
    private static final int MIN_BYTES = 32;

    private final SecretKeySpec key;

    BlindIndex(MatchProperties properties) {
        this.key = new SecretKeySpec(load(properties), "HmacSHA256");
    }

    @Nullable String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        var digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("44") && digits.length() > 10) {
            digits = "0" + digits.substring(2);
        }
        return digits.length() < 6 ? null : mac("phone:" + digits);
    }

    @Nullable String email(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return mac("email:" + email.strip().toLowerCase(Locale.ROOT));
    }

    @Nullable String nameAndYear(@Nullable String name, @Nullable Integer yearOfBirth) {
        if (name == null || name.isBlank() || yearOfBirth == null) {
            return null;
        }
        var tidy = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ");
        return mac("name:" + tidy + "|" + yearOfBirth);
    }

    private String mac(String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] load(MatchProperties properties) {
        var configured = properties.matchKey();
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "casebook.referral.match-key (CASEBOOK_MATCH_KEY)");
        }
        var file = properties.generatedMatchKeyFile();
        if (Files.exists(file)) {
            try {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the match key file " + file, e);
            }
        }
        if (!properties.generateMatchKey()) {
            throw new IllegalStateException("No key for finding duplicate referrals: set CASEBOOK_MATCH_KEY to a base64 "
                    + "key of at least " + MIN_BYTES + " random bytes (for example: openssl rand -base64 32).");
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
            throw new UncheckedIOException("cannot write the match key file " + file, e);
        }
        log.info("Generated a new referral match key in {} (development and demo only; production takes "
                + "CASEBOOK_MATCH_KEY)", file);
        return generated;
    }

    private static byte[] decode(String base64, String source) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The referral match key in " + source + " is not valid base64");
        }
        if (decoded.length < MIN_BYTES) {
            throw new IllegalStateException("The referral match key in " + source + " is shorter than " + MIN_BYTES
                    + " bytes");
        }
        return decoded;
    }
}
