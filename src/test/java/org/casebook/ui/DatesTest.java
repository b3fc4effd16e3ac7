package org.casebook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void everyDateAndTimeReadsTheBritishWayWithTheMonthInWords() {
        assertThat(Dates.day(LocalDate.of(2026, 11, 28))).isEqualTo("28 Nov 2026");
        assertThat(Dates.when(Instant.parse("2026-11-28T08:12:00Z"), LONDON)).isEqualTo("28 Nov 2026, 08:12");
        assertThat(Dates.when(Instant.parse("2026-07-01T08:12:00Z"), LONDON)).isEqualTo("1 Jul 2026, 09:12");
        assertThat(Dates.month(YearMonth.of(2026, 10))).isEqualTo("Oct 2026");
        assertThat(Dates.TIME.format(Instant.parse("2026-11-28T08:15:32Z").atZone(LONDON)))
                .isEqualTo("08:15:32");
        assertThat(Dates.day(null)).isEmpty();
    }
}
