package org.casebook.session;

import org.jspecify.annotations.Nullable;

/** The sections of a session note, as typed; blank sections are stored as empty. */
public record NoteText(
        @Nullable String presentation,
        @Nullable String themes,
        @Nullable String riskObservations,
        @Nullable String interventions,
        @Nullable String agreedActions,
        @Nullable String nextPlan,
        @Nullable RiskAnswer riskChanged) {

    public static final int MAX_SECTION = org.casebook.validation.Text.LONG;

    public static NoteText empty() {
        return new NoteText(null, null, null, null, null, null, null);
    }
}
