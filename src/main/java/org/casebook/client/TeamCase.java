package org.casebook.client;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A case as a team's waiting list shows it: by client code, never by name. */
public record TeamCase(
        ClientId id,
        String code,
        CaseStatus status,
        @Nullable Integer priority,
        LocalDate receivedOn,
        @Nullable Long teamId,
        @Nullable Long counsellorId) {}
