package org.casebook.riskplan;

import java.time.LocalDate;
import java.util.Map;

/** A structured review as recorded. */
public record ReviewView(
        LocalDate reviewedOn, Map<RiskArea, Integer> scores, Map<RiskArea, String> comments, String reviewedBy) {

    public int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }
}
