/**
 * Tasks: what a counsellor or supervisor has to do by a date, set for themselves or a colleague in their
 * team, optionally about one client. The home page shows one list of what to do: these tasks and the
 * prompts other modules already raise (overdue notes, plan reviews, check-ins around trigger dates).
 *
 * <p>Client data: {@code task} (sealed title, client id and code).
 */
@NullMarked
package org.casebook.tasks;

import org.jspecify.annotations.NullMarked;
