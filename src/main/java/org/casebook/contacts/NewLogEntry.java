package org.casebook.contacts;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** A contact to log, in the charity's local time; {@code who} and {@code summary} are sealed when stored. */
public record NewLogEntry(
        @Nullable LocalDateTime at,
        @Nullable ContactKind kind,
        @Nullable Direction direction,
        @Nullable String who,
        @Nullable String summary) {}
