package org.casebook.security;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts consecutive failed sign-ins: from the fifth on, every attempt waits first (right password or
 * not, so the wait tells nothing); the tenth locks the account for a while. The count goes on after
 * a lock ends, so one more failure locks again at once; only a success (or an administrator's
 * unlock) starts it afresh. Counts of existing accounts live in the database; usernames that name
 * no account are counted in memory, so they wait alike.
 *
 * <p>Second-factor codes (authenticator or recovery) have a count of their own: the fifth refused code
 * in a row locks the account exactly as the tenth failed password does. A correct password never clears
 * it, so knowing the password buys no more guesses; only an accepted code (a completed sign-in) or an
 * administrator's unlock does. A code attempt is counted before the code is checked, in the same
 * transaction: the counting update holds the account's row until the attempt commits, so simultaneous
 * attempts are checked one after another and none is checked once the account is locked.
 */
@Component
class SignInThrottle {

    static final int SLOW_DOWN_AFTER = 5;
    static final int LOCK_AFTER = 10;
    static final int LOCK_AFTER_CODES = 5;
    private static final int MAX_UNKNOWN_USERNAMES = 10_000;

    private final StaffAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecurityProperties properties;
    private final Map<String, Integer> unknownUsernameFailures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_UNKNOWN_USERNAMES;
        }
    };

    SignInThrottle(
            StaffAccountRepository accounts,
            ApplicationEventPublisher events,
            Clock clock,
            SecurityProperties properties) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** How long the next attempt for this username must wait. */
    @Transactional(readOnly = true)
    public Duration delayFor(String username) {
        var failures = accounts.failedAttempts(username).orElseGet(() -> unknownFailures(username));
        return delayAfter(failures);
    }

    Duration delayAfter(int failures) {
        if (failures < SLOW_DOWN_AFTER) {
            return Duration.ZERO;
        }
        var doublings = Math.min(failures - SLOW_DOWN_AFTER, 16);
        var delay = properties.throttleDelay().multipliedBy(1L << doublings);
        return delay.compareTo(properties.throttleMaxDelay()) > 0 ? properties.throttleMaxDelay() : delay;
    }

    /** Whether the account is locked now. False for usernames that name no account. */
    @Transactional(readOnly = true)
    public boolean isLocked(String username) {
        return accounts.lockedUntil(username)
                .map(until -> until.isAfter(clock.instant()))
                .orElse(false);
    }

    /** Counts a failure; the one that reaches the limit locks the account and announces it. */
    @Transactional
    public void recordFailure(String username) {
        if (accounts.incrementFailedAttempts(username) == 0) {
            synchronized (unknownUsernameFailures) {
                unknownUsernameFailures.merge(username, 1, Integer::sum);
            }
            return;
        }
        var now = clock.instant();
        announceIfLocked(
                username,
                accounts.lockIfOverThreshold(username, LOCK_AFTER, now, now.plus(properties.lockoutDuration())));
    }

    /** A correct password starts the count of failed passwords again; the count of refused codes stays. */
    @Transactional
    public void recordSuccess(String username) {
        accounts.resetFailedAttempts(username);
    }

    /**
     * Counts a code attempt before its code is checked, and answers whether it may be checked: false
     * while the account is locked (the attempt stays counted, as a password attempt on a locked account
     * is). Must run in the transaction that then checks the code and calls {@link #codeRefused} or
     * {@link #codeAccepted}: the count's row lock is what makes simultaneous attempts take turns.
     */
    @Transactional
    public boolean startCodeAttempt(String username) {
        accounts.incrementFailedCodes(username);
        return !isLocked(username);
    }

    /** The code of an attempt started with {@link #startCodeAttempt} was wrong: the fifth in a row locks. */
    @Transactional
    public void codeRefused(String username) {
        var now = clock.instant();
        announceIfLocked(
                username,
                accounts.lockIfCodesOverThreshold(
                        username, LOCK_AFTER_CODES, now, now.plus(properties.lockoutDuration())));
    }

    /** A code was accepted: the sign-in is complete, and both counts start again. */
    @Transactional
    public void codeAccepted(String username) {
        accounts.resetAllFailures(username);
    }

    /** An administrator's unlock: the lock ends and both counts start again. */
    @Transactional
    public void unlock(String username) {
        accounts.resetAllFailures(username);
    }

    private void announceIfLocked(String username, int locked) {
        if (locked == 1) {
            accounts.findByUsername(username)
                    .ifPresent(account -> events.publishEvent(new AccountLocked(account.id(), account.username())));
        }
    }

    void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int unknownFailures(String username) {
        synchronized (unknownUsernameFailures) {
            return unknownUsernameFailures.getOrDefault(username, 0);
        }
    }
}
