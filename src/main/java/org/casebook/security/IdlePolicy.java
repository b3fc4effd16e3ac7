package org.casebook.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a session may go without an action by the person ({@code server.servlet.session.timeout}),
 * and how long before that the open page warns ({@code casebook.security.idle-warning}, but never more
 * than a third of the timeout, so a short timeout does not warn at once). {@link IdleSessionFilter}
 * ends the session; the page's warning only tells the person it is coming.
 */
@Component
public class IdlePolicy {

    private final Duration timeout;
    private final Duration warningBefore;

    IdlePolicy(
            @Value("${server.servlet.session.timeout}") Duration timeout,
            @Value("${casebook.security.idle-warning:2m}") Duration configuredWarning) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("server.servlet.session.timeout must be positive");
        }
        this.timeout = timeout;
        var third = timeout.dividedBy(3);
        this.warningBefore = configuredWarning.compareTo(third) > 0 ? third : configuredWarning;
    }

    /** How long a session lasts without an action by the person. */
    public Duration timeout() {
        return timeout;
    }

    /** How long before the end the warning shows. */
    public Duration warningBefore() {
        return warningBefore;
    }

    /** How long after the last action the warning shows. */
    public Duration warnAfter() {
        return timeout.minus(warningBefore);
    }
}
