package org.casebook.dataprotection;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A logged request, for the request log: the kind, when it came, when the answer is due (one month from receipt).
 *
 * @param decision for a finished request: ERASED, REFUSED, RELEASED or CORRECTED
 * @param decisionReason the reason recorded with an erasure decision
 */
public record DataRequestRow(
        UUID id,
        String clientCode,
        RequestKind kind,
        LocalDate receivedOn,
        LocalDate dueOn,
        boolean done,
        @Nullable String decision,
        @Nullable String decisionReason,
        @Nullable LocalDate completedOn) {

    public boolean overdueOn(LocalDate today) {
        return !done && dueOn.isBefore(today);
    }
}
