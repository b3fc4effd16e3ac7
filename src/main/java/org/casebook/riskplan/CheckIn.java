package org.casebook.riskplan;

import java.time.LocalDate;

/** A prompt to check in with a client around a date that raises their risk to self. */
public record CheckIn(String code, TriggerKind kind, LocalDate on) {

    /** How many days before a trigger date the check-in is due. */
    public static final int DAYS_BEFORE = 3;
    /** How many days after a trigger date the check-in is still due. */
    public static final int DAYS_AFTER = 2;
}
