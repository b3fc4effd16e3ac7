package org.casebook.tasks;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task as lists show it.
 *
 * @param clientCode the client it is about, or {@code null} (also when the client is no longer visible to
 *     the person looking)
 */
public record TaskRow(
        UUID id,
        String title,
        LocalDate due,
        String assignee,
        String setBy,
        @Nullable String clientCode,
        boolean overdue) {}
