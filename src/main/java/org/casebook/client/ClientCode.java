package org.casebook.client;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Client codes such as {@code K7Q-4MX}: random (never derived from personal data), short enough to read
 * out on the phone, and free of characters that are easily confused (no 0/O, 1/I/L, U).
 */
public final class ClientCode {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("[" + ALPHABET + "]{3}-[" + ALPHABET + "]{3}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientCode() {}

    static String next() {
        var code = new StringBuilder(7);
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as typed by a person, tidied (upper case, no spaces, hyphen added), if it can be a client
     * code at all; anything else is not looked up.
     */
    public static Optional<String> normalise(String typed) {
        var compact = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        if (compact.length() != 6) {
            return Optional.empty();
        }
        var code = compact.substring(0, 3) + "-" + compact.substring(3);
        return FORMAT.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
