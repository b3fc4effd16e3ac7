package org.casebook.supervision;

import jakarta.annotation.security.RolesAllowed;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.BreakGlassReviews;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.CaseStatus;
import org.casebook.client.CaseloadFigures;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientRecords;
import org.casebook.client.ClientRef;
import org.casebook.referral.ReferralFigures;
import org.casebook.riskplan.RiskFigures;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffMember;
import org.casebook.session.Core10;
import org.casebook.session.SessionFigures;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's view of their team: figures per counsellor (counted by the modules that own the data),
 * the lists behind them, and reassigning a client to another counsellor of the team. Only the teams the
 * signed-in supervisor leads are ever in view.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Roles.SUPERVISOR)
public class TeamDashboard {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 300;

    private final CaseloadFigures caseload;
    private final SessionFigures sessions;
    private final RiskFigures risks;
    private final ReferralFigures referrals;
    private final BreakGlassReviews breakGlass;
    private final CaseAccessPolicy policy;
    private final ClientRecords clients;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final CharityClock charity;

    TeamDashboard(
            CaseloadFigures caseload,
            SessionFigures sessions,
            RiskFigures risks,
            ReferralFigures referrals,
            BreakGlassReviews breakGlass,
            CaseAccessPolicy policy,
            ClientRecords clients,
            StaffDirectory staff,
            AuditLog audit,
            CharityClock charity) {
        this.caseload = caseload;
        this.sessions = sessions;
        this.risks = risks;
        this.referrals = referrals;
        this.charity = charity;
        this.breakGlass = breakGlass;
        this.policy = policy;
        this.clients = clients;
        this.staff = staff;
        this.audit = audit;
    }

    /** The figures of the signed-in supervisor's team; session figures for the current month. */
    @Transactional // audited: the figures name clients
    public TeamOverview overview() {
        var month = thisMonth();
        var active = caseload.activeCaseloadByCounsellor();
        Map<Long, SessionFigures.CounsellorMonth> held = new HashMap<>();
        sessions.month(month).forEach(m -> held.put(m.counsellorId(), m));
        Map<Long, RiskFigures.CounsellorFigures> risk = new HashMap<>();
        risks.perCounsellor().forEach(r -> risk.put(r.counsellorId(), r));
        var rows = counsellors().stream()
                .map(c -> {
                    var s = held.get(c.id());
                    var r = risk.get(c.id());
                    return new CounsellorFigures(
                            c.id(),
                            c.displayName(),
                            active.getOrDefault(c.id(), 0L),
                            s == null ? 0 : s.attended(),
                            s == null ? 0 : s.didNotAttend(),
                            s == null ? 0 : s.dnaRate(),
                            s == null ? 0 : s.unsignedOver72Hours(),
                            r == null ? 0 : r.overdueReviews(),
                            r == null ? 0 : r.highRisk(),
                            r == null ? 0 : r.openConcerns());
                })
                .toList();
        var teams = policy.scope().teamsLed();
        return new TeamOverview(
                month,
                rows,
                caseload.waitingForAssignment(),
                breakGlass.pendingCount(),
                caseload.caseloadByStatus(),
                referralsOf(teams),
                risks.caseloadByRisk(),
                core10Of(teams));
    }

    /** The sessions behind one of a counsellor's session figures this month, by client code and date. */
    @Transactional // audited: the list behind a figure names clients
    public List<SessionFigures.SessionLine> sessionsBehind(long counsellorId, SessionFigures.Figure figure) {
        return sessions.lines(counsellorId, thisMonth(), figure);
    }

    /** The clients behind one of a counsellor's risk figures. */
    @Transactional // audited: the list behind a figure names clients
    public List<RiskFigures.FigureClient> risksBehind(long counsellorId, RiskFigures.Figure figure) {
        return risks.clientsBehind(counsellorId, figure);
    }

    private List<ReferralFigures.MonthlyCount> referralsOf(java.util.Set<Long> teams) {
        if (teams.size() == 1) {
            return referrals.referralsBySource(teams.iterator().next());
        }
        // A supervisor leading several teams sees them added up.
        Map<YearMonth, Map<org.casebook.referral.ReferralChoices.Source, Long>> sum = new java.util.TreeMap<>();
        for (var team : teams) {
            for (var count : referrals.referralsBySource(team)) {
                sum.computeIfAbsent(
                                count.month(),
                                m -> new java.util.EnumMap<>(org.casebook.referral.ReferralChoices.Source.class))
                        .merge(count.source(), count.referrals(), Long::sum);
            }
        }
        var result = new ArrayList<ReferralFigures.MonthlyCount>();
        sum.forEach((month, bySource) ->
                bySource.forEach((source, n) -> result.add(new ReferralFigures.MonthlyCount(month, source, n))));
        return result;
    }

    /** The CORE-10 change of the teams' closed cases, counted by kind (several teams added up). */
    private List<SessionFigures.Core10Tally> core10Of(java.util.Set<Long> teams) {
        var sum = new java.util.EnumMap<Core10.Change, Long>(Core10.Change.class);
        teams.stream()
                .sorted()
                .forEach(team -> sessions.core10Tally(team).forEach(t -> sum.merge(t.change(), t.cases(), Long::sum)));
        return sum.entrySet().stream()
                .map(e -> new SessionFigures.Core10Tally(e.getKey(), e.getValue()))
                .toList();
    }

    private YearMonth thisMonth() {
        return charity.thisMonth();
    }

    /** The clients behind a counsellor's active caseload figure. */
    @Transactional // audited: the list behind a figure names clients
    public List<ClientRef> activeCaseloadOf(long counsellorId) {
        return caseload.activeCaseloadOf(counsellorId);
    }

    /** The clients behind the waiting-for-assignment figure. */
    @Transactional // audited: the list behind a figure names clients
    public List<ClientRef> waitingList() {
        return caseload.waitingList();
    }

    /**
     * The counsellors of the team a client may be reassigned to: active counsellors of the supervisor's
     * teams, other than the present one, never one excluded from the client.
     */
    public List<StaffMember> reassignmentCandidates(String clientCode) {
        var access = policy.require(clientCode);
        requireTeamCase(access.teamId(), access.code());
        return counsellors().stream()
                .filter(c -> !Long.valueOf(c.id()).equals(access.counsellorId()))
                .filter(c -> !policy.isExcluded(access.id(), c.id()))
                .toList();
    }

    /**
     * Reassigns an assigned or active client of the supervisor's team to another counsellor of the team,
     * with a reason (audited by the client record as a reassignment). The new counsellor gains access and
     * the previous one loses it, because access follows the assignment.
     */
    @Transactional
    public void reassign(String clientCode, long toCounsellorId, String reason) {
        var why = java.util.Objects.requireNonNullElse(org.casebook.validation.Text.clean(reason), "");
        if (why.length() < MIN_REASON) {
            throw new InvalidFields(
                    "reason",
                    "Say why the client moves to another counsellor (at least " + MIN_REASON + " characters).");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidFields("reason", "Keep the reason to " + MAX_REASON + " characters.");
        }
        var access = policy.requireChange(clientCode, "client");
        requireTeamCase(access.teamId(), access.code());
        if (access.status() != CaseStatus.ASSIGNED && access.status() != CaseStatus.ACTIVE) {
            throw new InvalidFields(
                    "counsellor",
                    "Only an assigned or active case can be reassigned; " + access.code() + " is "
                            + access.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        var allowed = reassignmentCandidates(clientCode).stream().anyMatch(c -> c.id() == toCounsellorId);
        if (!allowed) {
            throw new InvalidFields(
                    "counsellor", "Choose another counsellor of your team who may work with this client.");
        }
        clients.assign(access.id(), toCounsellorId, staff.teamOf(toCounsellorId).orElse(access.teamId()), why);
    }

    private List<StaffMember> counsellors() {
        return staff.activeCounsellorsIn(policy.scope().teamsLed()).stream()
                .sorted(Comparator.comparing(StaffMember::displayName))
                .toList();
    }

    private void requireTeamCase(@org.jspecify.annotations.Nullable Long teamId, String code) {
        if (teamId == null || !policy.scope().teamsLed().contains(teamId)) {
            audit.recordRefusal(AuditEvent.of(AuditAction.REASSIGN, "client", code)
                    .forClient(code)
                    .because("not a client of the supervisor's team"));
            throw new AccessDeniedException(ClientAccessDenied.MESSAGE);
        }
    }
}
