package org.casebook.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the signed-in person to prove again who they are, with their password and a fresh code from
 * their authenticator app, before a sensitive step. A wrong password counts as a failed sign-in; a
 * wrong code after the right password counts as a refused code, as at sign-in, so the dialog is no
 * way to try codes without limit. Every attempt is announced (and so audited).
 */
@Service
@Transactional
public class ReAuthentication {

    static final String REFUSED = "Those details did not work. Check your password and code and try again.";
    public static final String CONFIRM_FIRST = "Confirm your password and code first.";

    /** How long a confirmation stays usable for the step it was asked for. */
    static final Duration CONFIRMATION_VALID_FOR = Duration.ofMinutes(5);

    // In memory: a confirmation is used seconds later by the same person on the same (sticky) instance.
    private final Map<Long, Instant> confirmedAt = new ConcurrentHashMap<>();
    private final CurrentUser currentUser;
    private final Clock clock;

    private final TwoFactorService twoFactor;
    private final PasswordEncoder passwordEncoder;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;

    ReAuthentication(
            TwoFactorService twoFactor,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock) {
        this.currentUser = currentUser;
        this.clock = clock;
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
        if (!passwordEncoder.matches(password, account.passwordHash())) {
            throttle.recordFailure(account.username());
            refuse(account, "wrong password");
        }
        // The code is checked only after the right password, and then counted like a code at sign-in.
        if (!throttle.startCodeAttempt(account.username())) {
            events.publishEvent(new ReAuthenticated(account.id(), account.username(), false, "account locked"));
            throw new SecondFactorRefused(TwoFactorService.LOCKED);
        }
        if (!twoFactor.useTotpCode(twoFactor.account(), code)) {
            throttle.codeRefused(account.username());
            refuse(account, "wrong code");
        }
        throttle.codeAccepted(account.username());
        confirmedAt.put(account.id(), clock.instant());
        events.publishEvent(new ReAuthenticated(account.id(), account.username(), true, "confirmed"));
    }

    private void refuse(StaffAccount account, String reason) {
        events.publishEvent(new ReAuthenticated(account.id(), account.username(), false, reason));
        throw new SecondFactorRefused(throttle.isLocked(account.username()) ? TwoFactorService.LOCKED : REFUSED);
    }

    /**
     * For the service that performs the sensitive step: passes once after the signed-in person confirmed
     * who they are within the last {@link #CONFIRMATION_VALID_FOR}, and is then used up, so one
     * confirmation covers one step. The dialog confirms; the service calls this, so skipping the dialog
     * (or calling the service directly) does not skip the check.
     *
     * @throws AccessDeniedException when there is no fresh confirmation
     */
    @PreAuthorize("isAuthenticated()")
    public void requireFreshConfirmation() {
        var accountId = currentUser.require().accountId();
        var at = confirmedAt.remove(accountId);
        if (at == null || at.plus(CONFIRMATION_VALID_FOR).isBefore(clock.instant())) {
            throw new AccessDeniedException(CONFIRM_FIRST);
        }
    }
}
