package org.casebook.riskplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A concern opened by someone handling it: what was learned, the decision, closure, and later comments. */
public record ConcernDetail(
        ConcernRow row,
        String whatWasLearned,
        String raisedBy,
        String source,
        @Nullable DecisionView decision,
        @Nullable ClosureView closure,
        List<CommentView> comments,
        boolean canDecide) {

    public record DecisionView(
            DecisionOutcome outcome,
            @Nullable String reference,
            @Nullable LocalDate referredOn,
            @Nullable String rationale,
            @Nullable String followUp,
            String decidedBy,
            Instant decidedAt) {}

    public record ClosureView(@Nullable String note, String closedBy, Instant closedAt) {}

    public record CommentView(String text, String by, Instant at) {}
}
