package org.casebook.validation;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The sensible range of each kind of date Casebook accepts, relative to the charity's today. A date outside
 * its range is a typing slip or a tampered request, never a fact: the service refuses it with a message at
 * the field, and the date pickers offer the same range. This also keeps out dates the database would store
 * shifted (before the Gregorian calendar, or beyond year 9999).
 */
public enum DateRange {

    /** Something that has happened recently: a referral received, a concern learned, consent given, a review held. */
    RECENT_PAST(Period.ofYears(10), Period.ZERO),
    /** Something in a person's history: an arrest. */
    LIFETIME(Period.ofYears(100), Period.ZERO),
    /** Something planned or expected, possibly already passed: an appointment, a court date, a review due. */
    PLANNING(Period.ofYears(10), Period.ofYears(2)),
    /** A date to search records by, such as the audit log's. */
    SEARCH(Period.ofYears(100), Period.ofYears(1));

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The earliest year of birth accepted; the latest is this year. */
    public static final int FIRST_YEAR_OF_BIRTH = 1900;

    private final Period back;
    private final Period ahead;

    DateRange(Period back, Period ahead) {
        this.back = back;
        this.ahead = ahead;
    }

    public LocalDate earliest(LocalDate today) {
        return today.minus(back);
    }

    public LocalDate latest(LocalDate today) {
        return today.plus(ahead);
    }

    /** Whether the date lies in this range (a missing date is not checked here). */
    public boolean contains(LocalDate date, LocalDate today) {
        return !date.isBefore(earliest(today)) && !date.isAfter(latest(today));
    }

    /** What is wrong with the date, or {@code null} when it is missing or within range. */
    public @Nullable String problem(@Nullable LocalDate date, LocalDate today) {
        if (date == null || contains(date, today)) {
            return null;
        }
        if (ahead.isZero()) {
            return "Enter a date between " + SHOWN.format(earliest(today)) + " and today.";
        }
        return "Enter a date between " + SHOWN.format(earliest(today)) + " and " + SHOWN.format(latest(today)) + ".";
    }

    /**
     * Refuses a date outside this range.
     *
     * @throws InvalidFields naming the field
     */
    public void check(String field, @Nullable LocalDate date, LocalDate today) {
        var problem = problem(date, today);
        if (problem != null) {
            throw new InvalidFields(field, problem);
        }
    }

    /** What is wrong with a year of birth, or {@code null} when it is missing or plausible. */
    public static @Nullable String yearOfBirthProblem(@Nullable Integer year, LocalDate today) {
        if (year == null || (year >= FIRST_YEAR_OF_BIRTH && year <= today.getYear())) {
            return null;
        }
        return "Enter a year of birth between " + FIRST_YEAR_OF_BIRTH + " and " + today.getYear() + ".";
    }
}
