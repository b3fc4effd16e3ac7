package org.casebook.riskplan;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the plan page shows for one client. {@code current} and {@code nextReview} are null while there is
 * no plan yet; the next review is the plan's (a structured review moves it on without a new version).
 */
public record PlanPage(
        String code,
        @Nullable PlanVersionView current,
        @Nullable LocalDate nextReview,
        List<VersionInfo> versions,
        List<ReviewView> reviews,
        List<TriggerDateView> triggerDates,
        LocalDate today) {

    public boolean reviewOverdue() {
        return nextReview != null && nextReview.isBefore(today);
    }
}
