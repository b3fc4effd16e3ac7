package org.casebook.riskplan;

import java.time.LocalDate;
import org.casebook.client.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * A new version of a client's plan.
 *
 * @param basedOn the version number the person started editing from (0 when there was no plan yet)
 * @param rationale required whenever either rating differs from the current version's
 * @param nextReview when to review; {@code null} for the default (three months, one month when either rating
 *     is high or very high); never later than the default
 */
public record PlanSave(
        String code,
        int basedOn,
        PlanContent content,
        RiskLevel toOthers,
        RiskLevel toSelf,
        @Nullable String rationale,
        @Nullable LocalDate nextReview) {}
