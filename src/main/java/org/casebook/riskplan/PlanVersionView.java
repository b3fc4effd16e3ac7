package org.casebook.riskplan;

import java.time.Instant;
import java.time.LocalDate;
import org.casebook.client.RiskLevel;
import org.jspecify.annotations.Nullable;

/** One version of a plan, opened. */
public record PlanVersionView(
        int number,
        PlanContent content,
        RiskLevel toOthers,
        RiskLevel toSelf,
        @Nullable String rationale,
        LocalDate nextReview,
        String changedBy,
        Instant changedAt) {}
