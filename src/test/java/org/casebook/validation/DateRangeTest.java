package org.casebook.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void eachKindOfDateHasASensibleRangeAroundToday() {
        assertThat(DateRange.RECENT_PAST.contains(TODAY, TODAY)).isTrue();
        assertThat(DateRange.RECENT_PAST.contains(TODAY.plusDays(1), TODAY)).isFalse();
        assertThat(DateRange.RECENT_PAST.contains(TODAY.minusYears(10), TODAY)).isTrue();
        assertThat(DateRange.RECENT_PAST.contains(TODAY.minusYears(10).minusDays(1), TODAY))
                .isFalse();
        assertThat(DateRange.PLANNING.latest(TODAY)).isEqualTo(LocalDate.of(2028, 11, 28));
        assertThat(DateRange.LIFETIME.earliest(TODAY)).isEqualTo(LocalDate.of(1926, 11, 28));
    }

    @Test
    void datesTheDatabaseWouldStoreShiftedAreRefused() {
        for (var range : DateRange.values()) {
            for (var date : new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.MIN, LocalDate.MAX}) {
                assertThatThrownBy(() -> range.check("when", date, TODAY))
                        .isInstanceOfSatisfying(
                                InvalidFields.class,
                                e -> assertThat(e.messageFor("when")).startsWith("Enter a date between"));
            }
        }
        assertThat(DateRange.RECENT_PAST.problem(LocalDate.of(1, 1, 1), TODAY))
                .isEqualTo("Enter a date between 28 November 2016 and today.");
        assertThat(DateRange.RECENT_PAST.problem(null, TODAY)).isNull();
    }

    @Test
    void aYearOfBirthIsFrom1900ToThisYear() {
        assertThat(DateRange.yearOfBirthProblem(1900, TODAY)).isNull();
        assertThat(DateRange.yearOfBirthProblem(2026, TODAY)).isNull();
        assertThat(DateRange.yearOfBirthProblem(-999_999_999, TODAY))
                .isEqualTo("Enter a year of birth between 1900 and 2026.");
        assertThat(DateRange.yearOfBirthProblem(2027, TODAY)).isNotNull();
    }
}
