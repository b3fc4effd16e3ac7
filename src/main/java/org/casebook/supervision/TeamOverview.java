package org.casebook.supervision;

import java.util.List;
import java.util.Map;
import org.casebook.client.CaseStatus;

/**
 * What the supervisor's dashboard shows of their team.
 *
 * @param counsellors one row per active counsellor of the teams the supervisor leads, by name
 * @param waitingForAssignment the team's clients on the waiting list
 * @param pendingBreakGlassReviews break-glass accesses waiting for this supervisor's review
 * @param caseloadByStatus the team's clients by status of their case
 */
public record TeamOverview(List<CounsellorFigures> counsellors, long waitingForAssignment,
        long pendingBreakGlassReviews, Map<CaseStatus, Long> caseloadByStatus) {}
