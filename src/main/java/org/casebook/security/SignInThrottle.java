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
 */
@Component
class SignInThrottle {

    static final int SLOW_DOWN_AFTER = 5;
    static final int LOCK_AFTER = 10;
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

    SignInThrottle(StaffAccountRepository accounts, ApplicationEventPublisher events, Clock clock,
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
        return accounts.lockedUntil(username).map(until -> until.isAfter(clock.instant())).orElse(false);
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
        if (accounts.lockIfOverThreshold(username, LOCK_AFTER, now, now.plus(properties.lockoutDuration())) == 1) {
            accounts.findByUsername(username)
                    .ifPresent(account -> events.publishEvent(new AccountLocked(account.id(), account.username())));
        }
    }

    /** A successful sign-in starts the count again. */
    @Transactional
    public void recordSuccess(String username) {
        accounts.resetFailedAttempts(username);
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
