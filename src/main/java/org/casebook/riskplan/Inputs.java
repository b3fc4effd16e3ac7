package org.casebook.riskplan;

import java.time.LocalDate;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;

/** The shared rules ({@link Text}, {@link DateRange}) applied to this module's input, refused as {@link InvalidFields}. */
final class Inputs {

    private Inputs() {}

    /** The cleaned text ({@code null} when blank), refused when longer than {@code max}. */
    static @Nullable String text(String field, @Nullable String text, int max) {
        var problem = Text.lengthProblem(text, max);
        if (problem != null) {
            throw new InvalidFields(field, problem);
        }
        return Text.clean(text);
    }

    /** Refuses a date outside its sensible range (a missing date is for the caller to judge). */
    static void date(String field, @Nullable LocalDate date, DateRange range, LocalDate today) {
        var problem = range.problem(date, today);
        if (problem != null) {
            throw new InvalidFields(field, problem);
        }
    }
}
