package org.casebook.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps. The
 * codes people type have {@link #DIGITS} digits; other lengths exist for the RFC's test vectors.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {}

    /** The time step an instant falls in. */
    static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for a time step, zero-padded to {@code digits}. */
    static String code(byte[] secret, long step, int digits) {
        if (digits < 1 || digits >= POWERS_OF_TEN.length) {
            throw new IllegalArgumentException("digits must be 1 to 8");
        }
        byte[] hash;
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        var code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** The six-digit code for a time step. */
    static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    /**
     * The step, within one either side of {@code now}, whose code matches and is later than
     * {@code lastUsedStep} (codes are single-use); -1 when there is none.
     */
    static long matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long current = stepAt(now);
        long found = -1;
        for (long step = current - 1; step <= current + 1; step++) {
            // Compare all candidates in constant time, so timing says nothing about which matched.
            if (step > lastUsedStep
                    && java.security.MessageDigest.isEqual(
                            code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                            code.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                found = step;
            }
        }
        return found;
    }
}
