package org.casebook.riskplan;

import java.time.LocalDate;

/** A prompt to check in with a client around a date that raises their risk to self. */
public record CheckIn(String code, TriggerKind kind, LocalDate on) {}
