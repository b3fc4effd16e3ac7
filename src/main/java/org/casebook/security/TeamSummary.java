package org.casebook.security;

import org.jspecify.annotations.Nullable;

/** A team and who leads it. */
public record TeamSummary(long id, String name, @Nullable Long supervisorId, @Nullable String supervisorName) {}
