package org.casebook.supervision;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.casebook.client.CaseStatus;
import org.casebook.referral.ReferralFigures;
import org.casebook.riskplan.RiskFigures;
import org.casebook.session.SessionFigures;

/**
 * What the supervisor's dashboard shows of their team.
 *
 * @param month the month the session figures count
 * @param counsellors one row per active counsellor of the teams the supervisor leads, by name
 * @param waitingForAssignment the team's clients on the waiting list
 * @param pendingBreakGlassReviews break-glass accesses waiting for this supervisor's review
 * @param caseloadByStatus the team's clients by status of their case
 * @param referrals referrals received per month and source over the last 12 months (all teams led, added up)
 * @param caseloadByRisk the team's open cases by risk level (the higher rating; a null level: no plan yet)
 * @param core10Tally how many of the team's closed cases show each kind of CORE-10 change (counted in SQL)
 */
public record TeamOverview(
        YearMonth month,
        List<CounsellorFigures> counsellors,
        long waitingForAssignment,
        long pendingBreakGlassReviews,
        Map<CaseStatus, Long> caseloadByStatus,
        List<ReferralFigures.MonthlyCount> referrals,
        List<RiskFigures.LevelCount> caseloadByRisk,
        List<SessionFigures.Core10Tally> core10Tally) {}
