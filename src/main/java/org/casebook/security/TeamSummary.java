package org.casebook.security;

import org.jspecify.annotations.Nullable;

/** A team and who leads it; {@code version} is what a rename was based on (optimistic locking). */
public record TeamSummary(
        long id,
        String name,
        @Nullable Long supervisorId,
        @Nullable String supervisorName,
        long version) {}
