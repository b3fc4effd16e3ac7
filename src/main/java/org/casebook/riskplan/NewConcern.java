package org.casebook.riskplan;

import java.time.LocalDate;

/**
 * A safeguarding concern as the person raising it records it.
 *
 * @param whatWasLearned clinical text, sealed: never log it
 * @param source where it was learned: {@code client-page}, {@code session-note} or {@code referral}
 */
public record NewConcern(
        String code,
        String whatWasLearned,
        LocalDate learnedOn,
        ConcernCategory category,
        boolean immediateDanger,
        String source) {}
