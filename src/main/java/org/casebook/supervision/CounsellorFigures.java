package org.casebook.supervision;

/**
 * One row of the supervisor's dashboard: the figures of one counsellor of their team.
 *
 * @param activeCaseload clients assigned to the counsellor (assigned or active)
 */
public record CounsellorFigures(long counsellorId, String counsellorName, long activeCaseload) {}
