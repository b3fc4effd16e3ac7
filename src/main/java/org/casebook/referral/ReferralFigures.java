package org.casebook.referral;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.casebook.client.ClientRecords;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.security.CurrentUser;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.time.CharityClock;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral figures for supervisors' dashboards, for the teams they lead only. Counted by the database
 * (group by), never by loading referrals; no client is identified, so nothing here is audited per client.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Roles.SUPERVISOR)
public class ReferralFigures {

    /** Referrals a team received in one month from one source. */
    public record MonthlyCount(YearMonth month, Source source, long referrals) {}

    private final ReferralRepository referrals;
    private final ClientRecords records;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final CharityClock charity;

    ReferralFigures(
            ReferralRepository referrals,
            ClientRecords records,
            StaffDirectory staff,
            CurrentUser currentUser,
            CharityClock charity) {
        this.referrals = referrals;
        this.records = records;
        this.staff = staff;
        this.currentUser = currentUser;
        this.charity = charity;
    }

    /**
     * Referrals received per month and source over the last 12 months (this month and the 11 before),
     * oldest month first; months and sources without referrals are left out.
     *
     * @throws AccessDeniedException when the signed-in supervisor does not lead this team
     */
    public List<MonthlyCount> referralsBySource(long teamId) {
        if (!staff.teamsLedBy(currentUser.require().accountId()).contains(teamId)) {
            throw new AccessDeniedException("You can see figures only for a team you lead.");
        }
        var thisMonth = charity.thisMonth();
        LocalDate from = thisMonth.minusMonths(11).atDay(1);
        LocalDate to = thisMonth.atEndOfMonth();
        return referrals.countBySourceAndMonth(teamId, from, to).stream()
                .map(row -> new MonthlyCount(
                        YearMonth.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue()),
                        (Source) row[2],
                        ((Number) row[3]).longValue()))
                .sorted(Comparator.comparing(MonthlyCount::month).thenComparing(MonthlyCount::source))
                .toList();
    }

    /** How many clients are waiting in each team the signed-in supervisor leads (zero included). */
    public Map<Long, Long> waitingPerTeam() {
        var teams = staff.teamsLedBy(currentUser.require().accountId());
        var counts = records.waitingPerTeam(teams);
        var result = new java.util.TreeMap<Long, Long>();
        teams.forEach(team -> result.put(team, counts.getOrDefault(team, 0L)));
        return result;
    }
}
