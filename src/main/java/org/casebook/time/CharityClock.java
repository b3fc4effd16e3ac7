package org.casebook.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What day and time it is for the charity. Every date rule (overdue reviews, "not in the future", this
 * month's figures, closing dates) asks here, so that between midnight and 01:00 in summer no module thinks
 * it is still yesterday (UTC) while another thinks it is today (London). An architecture test forbids
 * {@code LocalDate.now(...)} and its relatives anywhere else.
 */
@Component
public class CharityClock {

    private final Clock clock;
    private final ZoneId zone;

    CharityClock(Clock clock, @Value("${casebook.time-zone}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The charity's time zone, for showing instants. */
    public ZoneId zone() {
        return zone;
    }

    /** The charity's date today. */
    public LocalDate today() {
        return dateOf(clock.instant());
    }

    /** The charity's date at this instant. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The charity's wall-clock time now. */
    public LocalDateTime localNow() {
        return LocalDateTime.ofInstant(clock.instant(), zone);
    }

    /** Now, in the charity's zone. */
    public ZonedDateTime now() {
        return ZonedDateTime.ofInstant(clock.instant(), zone);
    }

    /** The charity's current month. */
    public YearMonth thisMonth() {
        return YearMonth.from(today());
    }
}
