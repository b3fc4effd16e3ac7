package org.casebook.session;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How a series of appointments repeats: weekly or fortnightly, for a number of sessions or until a date
 * (one of the two).
 */
public record Recurrence(
        @Nullable Frequency frequency,
        @Nullable Integer sessions,
        @Nullable LocalDate until) {

    public static final int MAX_SESSIONS = 52;

    /** How often. */
    public enum Frequency {
        WEEKLY("Weekly", 1),
        FORTNIGHTLY("Fortnightly", 2);

        private final String label;
        private final int weeks;

        Frequency(String label, int weeks) {
            this.label = label;
            this.weeks = weeks;
        }

        public String label() {
            return label;
        }

        public int weeks() {
            return weeks;
        }
    }
}
