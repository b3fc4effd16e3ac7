package org.casebook.riskplan;

import java.time.LocalDate;
import org.casebook.client.RiskLevel;
import org.casebook.validation.InvalidFields;

/** When a plan is next due for review: three months on, or one month when either rating is high or very high. */
final class ReviewSchedule {

    private ReviewSchedule() {}

    static LocalDate defaultNext(LocalDate today, RiskLevel toOthers, RiskLevel toSelf) {
        return toOthers.isHighOrAbove() || toSelf.isHighOrAbove() ? today.plusMonths(1) : today.plusMonths(3);
    }

    /** The date asked for, checked: after today and no later than the default; or the default. */
    static LocalDate next(
            LocalDate today, RiskLevel toOthers, RiskLevel toSelf, @org.jspecify.annotations.Nullable LocalDate asked) {
        var latest = defaultNext(today, toOthers, toSelf);
        if (asked == null) {
            return latest;
        }
        if (!asked.isAfter(today)) {
            throw new InvalidFields("nextReview", "The next review must be after today.");
        }
        if (asked.isAfter(latest)) {
            throw new InvalidFields(
                    "nextReview",
                    "The next review can be no later than " + latest
                            + (toOthers.isHighOrAbove() || toSelf.isHighOrAbove()
                                    ? " (one month while either risk is high or very high)."
                                    : " (three months)."));
        }
        return asked;
    }
}
