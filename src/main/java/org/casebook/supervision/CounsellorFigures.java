package org.casebook.supervision;

/**
 * One row of the supervisor's dashboard: the figures of one counsellor of their team, each counted by
 * the module that owns the data.
 *
 * @param activeCaseload clients assigned to the counsellor (assigned or active)
 * @param sessionsThisMonth sessions attended this calendar month
 * @param didNotAttendThisMonth sessions this month the client did not attend
 * @param dnaRate did-not-attends over sessions held or missed this month (0 when there were none)
 * @param notesUnsignedOver72Hours attended sessions (of any month) whose note is unsigned after 72 hours, now
 * @param overdueReviews open cases whose risk-plan review date has passed
 * @param highRisk open cases rated high or very high risk (to others or to self)
 * @param openSafeguardingConcerns safeguarding concerns not yet closed on the counsellor's open cases
 */
public record CounsellorFigures(
        long counsellorId,
        String counsellorName,
        long activeCaseload,
        long sessionsThisMonth,
        long didNotAttendThisMonth,
        double dnaRate,
        long notesUnsignedOver72Hours,
        long overdueReviews,
        long highRisk,
        long openSafeguardingConcerns) {}
