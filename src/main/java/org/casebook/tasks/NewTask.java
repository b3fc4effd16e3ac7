package org.casebook.tasks;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A task to add.
 *
 * @param assigneeId who does it: oneself or a colleague in the team (see {@link TaskService#assignable()})
 * @param clientCode the client it is about, if any
 */
public record NewTask(
        @Nullable String title,
        @Nullable LocalDate due,
        long assigneeId,
        @Nullable String clientCode) {}
