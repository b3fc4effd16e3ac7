package org.casebook.riskplan;

import java.time.LocalDate;

/** A plan whose review date has passed. */
public record OverdueReview(String code, LocalDate due, String counsellor) {}
