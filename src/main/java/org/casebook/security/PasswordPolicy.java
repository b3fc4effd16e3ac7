package org.casebook.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable, after NCSC and NIST SP 800-63B: long enough, not absurdly long,
 * any characters at all, no composition rules and no expiry; but never one of the passwords people
 * use most, and never one containing the person's username or name.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    static final String TOO_SHORT = "Use at least " + MIN_LENGTH + " characters.";
    static final String TOO_LONG = "Use at most " + MAX_LENGTH + " characters.";
    static final String TOO_COMMON = "This is one of the most common passwords. Choose one that is harder to guess.";
    static final String HAS_USERNAME = "Do not use your username in your password.";
    static final String HAS_NAME = "Do not use your name in your password.";

    /** Shortest part of a name that counts: initials and short particles would refuse too much. */
    private static final int MIN_NAME_PART = 3;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("security/common-passwords.txt");
    }

    /** Why this password may not be used by this person, or empty when it may. */
    public Optional<String> problem(String password, String username, String displayName) {
        var length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(TOO_LONG);
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of(TOO_COMMON);
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(HAS_USERNAME);
        }
        for (var part : displayName.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (part.length() >= MIN_NAME_PART && !part.equals("demo") && lower.contains(part)) {
                return Optional.of(HAS_NAME);
            }
        }
        return Optional.empty();
    }

    private static Set<String> load(String resource) {
        var passwords = new HashSet<String>(65_536);
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(line -> line.strip().toLowerCase(Locale.ROOT))
                    .filter(line -> !line.isEmpty())
                    .forEach(passwords::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Set.copyOf(passwords);
    }
}
