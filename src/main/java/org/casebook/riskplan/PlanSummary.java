package org.casebook.riskplan;

import java.time.Instant;
import java.time.LocalDate;
import org.casebook.client.RiskLevel;

/** The client page's glimpse of the plan. */
public record PlanSummary(
        int version,
        RiskLevel toOthers,
        RiskLevel toSelf,
        LocalDate nextReview,
        boolean overdue,
        String changedBy,
        Instant changedAt) {}
