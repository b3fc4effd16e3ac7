package org.casebook.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.casebook.encryption.EncryptedColumn;
import org.casebook.encryption.FieldContext;
import org.casebook.encryption.FieldEncryption;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of sign-in: time-based codes from an authenticator app (RFC 6238), each usable
 * once, and ten single-use recovery codes. Every code attempt, recovery codes included, is counted by
 * {@link SignInThrottle} apart from failed passwords (five refused codes in a row lock the account) and
 * announced (the audit module records it); codes never appear in a log, message or event.
 */
@Service
@Transactional
public class TwoFactorService {

    static final int RECOVERY_CODES = 10;
    static final String WRONG_CODE = "That code did not work. Check your authenticator app and try again.";
    static final String LOCKED = "Your account is locked after too many failed attempts. Ask an administrator.";

    /** Where the sealed secret lives; also tells the re-encryption job about the column. */
    static final EncryptedColumn TOTP_SECRET = new EncryptedColumn("staff_account", "id", "totp_secret");

    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int SECRET_BYTES = 20;

    private final StaffAccountRepository accounts;
    private final RecoveryCodeRepository recoveryCodes;
    private final FieldEncryption encryption;
    private final SignInThrottle throttle;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TwoFactorService(
            StaffAccountRepository accounts,
            RecoveryCodeRepository recoveryCodes,
            FieldEncryption encryption,
            SignInThrottle throttle,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.encryption = encryption;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** A new secret for the signed-in person's authenticator app, not yet stored. */
    public record Enrolment(String secret, String otpauthUri) {

        @Override
        public String toString() {
            return "Enrolment[secret hidden]";
        }
    }

    /** Whether the signed-in person has set up an authenticator app. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean enrolled() {
        return account().totpSecret() != null;
    }

    /** A fresh secret to show as a QR code and as text; stored only once {@link #confirmEnrolment} accepts a code. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Enrolment newEnrolment() {
        var account = account();
        if (account.totpSecret() != null) {
            throw new IllegalStateException("already enrolled");
        }
        var bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        var secret = Base32.encode(bytes);
        var label = URLEncoder.encode("Casebook:" + account.username(), UTF_8).replace("+", "%20");
        return new Enrolment(
                secret,
                "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Casebook&algorithm=SHA1&digits="
                        + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    /**
     * Stores the secret once the person proves their app has it, and returns ten recovery codes to show
     * once (only their hashes are kept).
     *
     * @throws SecondFactorRefused when the code does not match (counted and announced)
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = SecondFactorRefused.class)
    public List<String> confirmEnrolment(Enrolment enrolment, String code) {
        var account = account();
        if (account.totpSecret() != null) {
            throw new IllegalStateException("already enrolled");
        }
        startAttempt(account);
        var secret = Base32.decode(enrolment.secret());
        long step = Totp.matchingStep(secret, normalise(code), clock.instant(), Long.MIN_VALUE);
        if (step < 0) {
            fail(account, "wrong code at enrolment", WRONG_CODE);
        }
        accounts.enrolTotp(account.id(), encryption.seal(enrolment.secret(), context(account.id())));
        accounts.useTotpStep(account.id(), step);
        throttle.codeAccepted(account.username());
        events.publishEvent(new TwoFactorEnrolled(account.id(), account.username()));
        return newRecoveryCodes(account.id());
    }

    /**
     * Checks a code from the authenticator app (current step or one either side, not used before) or
     * an unused recovery code.
     *
     * @throws SecondFactorRefused when it is neither, or the account is locked (counted and announced)
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = SecondFactorRefused.class)
    public void verify(String code) {
        var username = account().username();
        throttle.pause(throttle.delayFor(username));
        var account = startAttempt(account());
        var method = check(account, code);
        if (method == null) {
            fail(account, "wrong code", WRONG_CODE);
        }
        throttle.codeAccepted(username);
        events.publishEvent(new SecondFactorAccepted(account.id(), account.username(), method));
    }

    /** Whether a code from the authenticator app is right and unused; uses it up if so. Not counted or announced. */
    boolean useTotpCode(StaffAccount account, String code) {
        var secret = secretOf(account);
        if (secret == null) {
            return false;
        }
        var lastUsed = account.totpLastStep();
        long step = Totp.matchingStep(
                secret, normalise(code), clock.instant(), lastUsed == null ? Long.MIN_VALUE : lastUsed);
        return step >= 0 && accounts.useTotpStep(account.id(), step) == 1;
    }

    private String check(StaffAccount account, String code) {
        if (useTotpCode(account, code)) {
            return "authenticator app";
        }
        var recovery = normaliseRecovery(code);
        if (recovery.length() == 10 && recoveryCodes.use(account.id(), hash(recovery), clock.instant()) == 1) {
            return "recovery code";
        }
        return null;
    }

    /**
     * Counts the attempt before its code is checked and refuses it, unchecked, while the account is
     * locked. Returns the account as read after the count, which holds its row until the attempt ends.
     */
    private StaffAccount startAttempt(StaffAccount account) {
        if (!throttle.startCodeAttempt(account.username())) {
            events.publishEvent(new SecondFactorFailed(account.id(), account.username(), "account locked"));
            throw new SecondFactorRefused(LOCKED);
        }
        return account();
    }

    private void fail(StaffAccount account, String reason, String message) {
        throttle.codeRefused(account.username());
        events.publishEvent(new SecondFactorFailed(account.id(), account.username(), reason));
        throw new SecondFactorRefused(throttle.isLocked(account.username()) ? LOCKED : message);
    }

    private List<String> newRecoveryCodes(long accountId) {
        recoveryCodes.deleteAllOf(accountId);
        var codes = new ArrayList<String>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var code = new StringBuilder(11);
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
                if (c == 4) {
                    code.append('-');
                }
            }
            codes.add(code.toString());
            recoveryCodes.save(new RecoveryCode(accountId, hash(normaliseRecovery(code.toString()))));
        }
        return List.copyOf(codes);
    }

    byte @org.jspecify.annotations.Nullable [] secretOf(StaffAccount account) {
        var sealed = account.totpSecret();
        if (sealed == null) {
            return null;
        }
        var secret = encryption.open(sealed, context(account.id()));
        return secret == null ? null : Base32.decode(secret);
    }

    StaffAccount account() {
        return accounts.findById(currentUser.require().accountId())
                .orElseThrow(() -> new IllegalStateException("signed-in account no longer exists"));
    }

    static FieldContext context(long accountId) {
        return new FieldContext(TOTP_SECRET.table(), TOTP_SECRET.column(), String.valueOf(accountId));
    }

    private static String normalise(String code) {
        return code.replace(" ", "").strip();
    }

    private static String normaliseRecovery(String code) {
        return code.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String hash(String recoveryCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(recoveryCode.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares the encrypted column, so re-encryption after a key rotation covers it. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Columns {

        @Bean
        EncryptedColumn staffAccountTotpSecret() {
            return TOTP_SECRET;
        }
    }
}
