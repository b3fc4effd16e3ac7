package org.casebook.riskplan;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A structured review: every risk area rated 0 to 2, with an optional comment each.
 *
 * @param nextReview {@code null} for the default review interval from the day the review was held
 * @param heldOn the day the review was held with the client: {@code null} for today; never in the future
 */
public record ReviewInput(
        Map<RiskArea, Integer> scores,
        Map<RiskArea, String> comments,
        @Nullable LocalDate nextReview,
        @Nullable LocalDate heldOn) {

    public ReviewInput(Map<RiskArea, Integer> scores, Map<RiskArea, String> comments, @Nullable LocalDate nextReview) {
        this(scores, comments, nextReview, null);
    }
}
