package org.casebook.session;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** Working hours on one weekday. */
public record DayHours(DayOfWeek day, LocalTime from, LocalTime to) {}
