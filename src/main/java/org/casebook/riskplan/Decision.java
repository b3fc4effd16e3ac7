package org.casebook.riskplan;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A supervisor's decision. A referral (police, children's services, LADO) needs its reference number and
 * date; no further action needs a rationale.
 */
public record Decision(
        DecisionOutcome outcome,
        @Nullable String reference,
        @Nullable LocalDate referredOn,
        @Nullable String rationale,
        @Nullable String followUp) {}
