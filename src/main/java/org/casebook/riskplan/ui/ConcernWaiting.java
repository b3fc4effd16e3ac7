package org.casebook.riskplan.ui;

import java.time.Clock;
import java.time.Duration;
import org.casebook.riskplan.ConcernRow;
import org.casebook.riskplan.ConcernStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long an open concern has waited for a decision, and when one in immediate danger is escalated: undecided
 * for longer than {@code casebook.safeguarding.escalate-after} (an hour unless configured).
 */
@Component
class ConcernWaiting {

    private final Clock clock;
    private final Duration escalateAfter;

    ConcernWaiting(Clock clock, @Value("${casebook.safeguarding.escalate-after:PT1H}") Duration escalateAfter) {
        this.clock = clock;
        this.escalateAfter = escalateAfter;
    }

    Duration escalateAfter() {
        return escalateAfter;
    }

    /** How long it has waited for a decision; zero once decided or closed. */
    Duration waited(ConcernRow row) {
        if (row.status() != ConcernStatus.OPEN) {
            return Duration.ZERO;
        }
        var waited = Duration.between(row.raisedAt(), clock.instant());
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    /** An immediate-danger concern still undecided after the configured time. */
    boolean escalated(ConcernRow row) {
        return row.immediate()
                && row.status() == ConcernStatus.OPEN
                && waited(row).compareTo(escalateAfter) > 0;
    }

    /** "45 min", "3 h 20 min", "2 days 4 h"; empty once decided. */
    String inWords(ConcernRow row) {
        if (row.status() != ConcernStatus.OPEN) {
            return "";
        }
        return words(waited(row));
    }

    static String words(Duration waited) {
        long minutes = waited.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = waited.toHours();
        if (hours < 24) {
            long rest = minutes % 60;
            return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
        }
        long days = waited.toDays();
        long rest = hours % 24;
        return days + (days == 1 ? " day" : " days") + (rest == 0 ? "" : " " + rest + " h");
    }
}
