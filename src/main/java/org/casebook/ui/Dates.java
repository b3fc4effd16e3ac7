package org.casebook.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one way dates and times appear to a person: "28 Nov 2026", "28 Nov 2026, 08:12", chart months
 * "Oct 2026", a save time "08:15:32". British English, whatever the browser says.
 */
public final class Dates {

    /** English month abbreviations ("Sep"; the UK locale's data would say "Sept"), day-month-year order. */
    private static final Locale ENGLISH_MONTHS = Locale.ENGLISH;

    /** A day: "28 Nov 2026". */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", ENGLISH_MONTHS);
    /** A moment: "28 Nov 2026, 08:12". */
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", ENGLISH_MONTHS);
    /** A moment to the second, where order matters (the audit log): "28 Nov 2026, 08:12:05". */
    public static final DateTimeFormatter WHEN_SECONDS =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", ENGLISH_MONTHS);
    /** A month, as on a chart's axis: "Oct 2026". */
    public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", ENGLISH_MONTHS);
    /** A month in a heading: "October 2026". */
    public static final DateTimeFormatter MONTH_IN_FULL = DateTimeFormatter.ofPattern("MMMM yyyy", ENGLISH_MONTHS);
    /** A time today, as when a draft was saved: "08:15:32". */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", ENGLISH_MONTHS);

    private Dates() {}

    public static String day(@Nullable LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public static String when(@Nullable Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    public static String when(@Nullable ZonedDateTime at) {
        return at == null ? "" : WHEN.format(at);
    }

    public static String month(TemporalAccessor month) {
        return MONTH.format(month);
    }
}
