package org.casebook.riskplan;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A date that raises the client's risk to self. */
public record TriggerDateView(
        TriggerKind kind, LocalDate on, @Nullable String note) {}
