package org.casebook.session;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A CORE-10 to record: when it was taken, at which point of the case, and the ten item scores in order. */
public record Core10Entry(
        @Nullable LocalDate measuredOn, @Nullable MeasurementPoint point, List<@Nullable Integer> items) {}
