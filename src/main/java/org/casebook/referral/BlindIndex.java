package org.casebook.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.casebook.encryption.SecretKeyMaterial;
import org.jspecify.annotations.Nullable;
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

    private static final int MIN_BYTES = 32;

    private final SecretKeySpec key;

    BlindIndex(MatchProperties properties) {
        this.key = new SecretKeySpec(load(properties), "HmacSHA256");
    }

    @Nullable
    String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        var digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("44") && digits.length() > 10) {
            digits = "0" + digits.substring(2);
        }
        return digits.length() < 6 ? null : mac("phone:" + digits);
    }

    @Nullable
    String email(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return mac("email:" + email.strip().toLowerCase(Locale.ROOT));
    }

    @Nullable
    String nameAndYear(@Nullable String name, @Nullable Integer yearOfBirth) {
        if (name == null || name.isBlank() || yearOfBirth == null) {
            return null;
        }
        var tidy = name.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} ]", "")
                .replaceAll("\\s+", " ");
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
        return new SecretKeyMaterial("referral match key", "CASEBOOK_MATCH_KEY", MIN_BYTES)
                .load(properties.matchKey(), properties.generatedMatchKeyFile(), properties.generateMatchKey());
    }
}
