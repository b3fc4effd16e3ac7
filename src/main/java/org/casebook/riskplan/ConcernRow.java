package org.casebook.riskplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** That a concern exists, and where it stands: no clinical text. */
public record ConcernRow(
        UUID id,
        String code,
        ConcernCategory category,
        boolean immediate,
        ConcernStatus status,
        LocalDate learnedOn,
        Instant raisedAt,
        @Nullable Instant decidedAt,
        @Nullable Instant closedAt,
        boolean myTeam) {}
