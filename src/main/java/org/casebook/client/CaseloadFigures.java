package org.casebook.client;

import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.security.Roles;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures about the caseloads of the teams the signed-in supervisor leads, counted by aggregate queries,
 * and the lists behind them (client codes only). A supervisor who leads no team gets zeros and empty
 * lists: the team comes from {@link CaseAccessPolicy#scope()}, never from the caller.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Roles.SUPERVISOR)
public class CaseloadFigures {

    /** A counsellor's active caseload: clients assigned to them, seen yet or not. */
    public static final Set<CaseStatus> ACTIVE_CASELOAD = EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.ACTIVE);

    /** Clients triaged and waiting for a counsellor. */
    public static final Set<CaseStatus> WAITING = EnumSet.of(CaseStatus.WAITING);

    static final int MAX_LIST = 500;

    private final CaseloadFigureRepository figures;
    private final CaseAccessPolicy policy;

    CaseloadFigures(CaseloadFigureRepository figures, CaseAccessPolicy policy) {
        this.figures = figures;
        this.policy = policy;
    }

    /** Active caseload per counsellor (by staff id) across the supervisor's teams; counsellors with none are absent. */
    public Map<Long, Long> activeCaseloadByCounsellor() {
        var result = new HashMap<Long, Long>();
        for (var row : figures.countByCounsellor(teams(), ACTIVE_CASELOAD)) {
            result.put((Long) row[0], (Long) row[1]);
        }
        return result;
    }

    /** How many of the team's clients are waiting for assignment. */
    public long waitingForAssignment() {
        return figures.countInStatuses(teams(), WAITING);
    }

    /** The team's clients by status of their case (every status present, zero where none). */
    public Map<CaseStatus, Long> caseloadByStatus() {
        var result = new EnumMap<CaseStatus, Long>(CaseStatus.class);
        for (var status : CaseStatus.values()) {
            result.put(status, 0L);
        }
        for (var row : figures.countByStatus(teams())) {
            result.put((CaseStatus) row[0], (Long) row[1]);
        }
        return result;
    }

    /** The clients behind a counsellor's active caseload figure, by code (at most 500). */
    @Transactional
    public List<ClientRef> activeCaseloadOf(long counsellorId) {
        return listed(
                "caseload-figures active",
                figures.findOfCounsellor(teams(), counsellorId, ACTIVE_CASELOAD, PageRequest.of(0, MAX_LIST)));
    }

    /** The clients behind the waiting figure, most urgent and longest waiting first (at most 500). */
    @Transactional
    public List<ClientRef> waitingList() {
        return listed(
                "caseload-figures waiting", figures.findInStatuses(teams(), WAITING, PageRequest.of(0, MAX_LIST)));
    }

    /** Only the clients need-to-know allows (exclusions included), and the view of the list audited. */
    private List<ClientRef> listed(String listName, List<Client> found) {
        var shown = policy.visibleOnly(found.stream().map(ClientRef::of).toList(), ClientRef::id);
        policy.recordListed(listName, shown.stream().map(ClientRef::code).toList());
        return shown;
    }

    private Set<Long> teams() {
        return policy.scope().teamsForQuery();
    }
}
