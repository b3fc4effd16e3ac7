package org.casebook.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step in the history of a case, for the client page: what happened, when, who did it, and the
 * reason they gave (clinical text: never log it).
 */
public record CaseHistoryEntry(
        Instant at,
        String what,
        CaseStatus status,
        @Nullable String counsellor,
        @Nullable String by,
        @Nullable String reason) {}
