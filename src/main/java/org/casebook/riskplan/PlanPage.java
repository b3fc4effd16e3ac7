package org.casebook.riskplan;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything the plan page shows for one client. {@code current} is null while there is no plan yet. */
public record PlanPage(String code, @Nullable PlanVersionView current, List<VersionInfo> versions,
        List<ReviewView> reviews, List<TriggerDateView> triggerDates, LocalDate today) {

    public boolean reviewOverdue() {
        return current != null && current.nextReview().isBefore(today);
    }
}
