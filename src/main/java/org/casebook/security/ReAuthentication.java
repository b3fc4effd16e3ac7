package org.casebook.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the signed-in person to prove again who they are, with their password and a fresh code from
 * their authenticator app, before a sensitive step. Failures count toward the sign-in lock-out; every
 * attempt is announced (and so audited).
 */
@Service
@Transactional
public class ReAuthentication {

    static final String REFUSED = "Those details did not work. Check your password and code and try again.";

    private final TwoFactorService twoFactor;
    private final PasswordEncoder passwordEncoder;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;

    ReAuthentication(TwoFactorService twoFactor, PasswordEncoder passwordEncoder, SignInThrottle throttle,
            ApplicationEventPublisher events) {
        this.twoFactor = twoFactor;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.events = events;
    }

    /**
     * Confirms the signed-in person's password and current authenticator code (recovery codes are not
     * accepted here). Both are always checked, and one message covers either being wrong.
     *
     * @throws SecondFactorRefused when either is wrong or the account is locked
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = SecondFactorRefused.class)
    public void confirm(String password, String code) {
        var account = twoFactor.account();
        if (throttle.isLocked(account.username())) {
            throttle.recordFailure(account.username());
            events.publishEvent(new ReAuthenticated(account.id(), account.username(), false, "account locked"));
            throw new SecondFactorRefused(TwoFactorService.LOCKED);
        }
        throttle.pause(throttle.delayFor(account.username()));
        boolean passwordRight = passwordEncoder.matches(password, account.passwordHash());
        boolean codeRight = passwordRight && twoFactor.useTotpCode(account, code);
        if (!passwordRight || !codeRight) {
            throttle.recordFailure(account.username());
            events.publishEvent(new ReAuthenticated(account.id(), account.username(), false,
                    passwordRight ? "wrong code" : "wrong password"));
            throw new SecondFactorRefused(REFUSED);
        }
        throttle.recordSuccess(account.username());
        events.publishEvent(new ReAuthenticated(account.id(), account.username(), true, "confirmed"));
    }
}
