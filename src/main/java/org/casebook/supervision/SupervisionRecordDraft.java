package org.casebook.supervision;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a supervisor writes about a supervision session. */
public record SupervisionRecordDraft(
        @Nullable LocalDate heldOn,
        @Nullable Long counsellorId,
        List<String> clientCodes,
        @Nullable String discussion,
        @Nullable String agreedActions) {}
