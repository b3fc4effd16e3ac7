package org.casebook.riskplan;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.RiskLevel;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffMember;
import org.casebook.time.CharityClock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk figures for a supervisor's dashboard, only for the teams they lead, counted in the database: per
 * counsellor, overdue plan reviews, clients at high or very high risk (either rating) and open safeguarding
 * concerns, with the lists behind each figure; and the team caseload by risk level.
 */
@Service
@Transactional
@RolesAllowed(Roles.SUPERVISOR)
public class RiskFigures {

    /** One counsellor's figures. */
    public record CounsellorFigures(
            long counsellorId, String counsellor, long overdueReviews, long highRisk, long openConcerns) {}

    /** A client behind a figure: the code, never the name. */
    public record FigureClient(
            String code,
            @Nullable RiskLevel toOthers,
            @Nullable RiskLevel toSelf,
            @Nullable LocalDate reviewDue) {}

    /** How many open cases in the caller's teams are at this level (the higher of the two ratings); null: no plan. */
    public record LevelCount(@Nullable RiskLevel level, long clients) {}

    /** Which list behind a figure. */
    public enum Figure {
        OVERDUE_REVIEWS,
        HIGH_RISK,
        OPEN_CONCERNS
    }

    /** The open cases of the caller's teams that need-to-know lets them see ({@link CaseAccessPolicy#teamClientsSql}). */
    private static String openCases(CaseAccessPolicy.SqlScope scope) {
        return "from client c left join risk_plan p on p.client_id = c.id where c.status <> 'CLOSED' and "
                + scope.condition();
    }

    private static final String HIGH =
            "(p.risk_to_others in ('HIGH', 'VERY_HIGH') or p.risk_to_self in ('HIGH', 'VERY_HIGH'))";
    private static final String OPEN_CONCERN = """
            exists (select 1 from safeguarding_concern s where s.client_id = c.id
              and not exists (select 1 from safeguarding_closure x where x.concern_id = s.id))""";

    private final CaseAccessPolicy policy;
    private final StaffDirectory staff;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final CharityClock charity;

    RiskFigures(
            CaseAccessPolicy policy,
            StaffDirectory staff,
            NamedParameterJdbcTemplate jdbc,
            AuditLog audit,
            CharityClock charity) {
        this.policy = policy;
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
        this.charity = charity;
    }

    /** Per counsellor in the caller's teams (every active counsellor listed, with zeros where nothing is due). */
    public List<CounsellorFigures> perCounsellor() {
        var teams = policy.scope().teamsForQuery();
        var scope = policy.teamClientsSql("c");
        var counts = new java.util.HashMap<Long, long[]>();
        jdbc.query(
                """
                select c.counsellor_id,
                  sum(case when p.next_review < :today then 1 else 0 end),
                  sum(case when %s then 1 else 0 end),
                  (select count(*) from safeguarding_concern s join client k on k.id = s.client_id
                    where k.counsellor_id = c.counsellor_id and k.status <> 'CLOSED' and %s
                      and not exists (select 1 from safeguarding_closure x where x.concern_id = s.id))
                %s and c.counsellor_id is not null
                group by c.counsellor_id""".formatted(HIGH, policy.teamClientsSql("k").condition(), openCases(scope)),
                scope.with(Map.of("today", today())),
                rs -> {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        var result = new ArrayList<CounsellorFigures>();
        var seen = new java.util.HashSet<Long>();
        for (StaffMember member : staff.activeCounsellorsIn(teams)) {
            seen.add(member.id());
            var c = counts.getOrDefault(member.id(), new long[3]);
            result.add(new CounsellorFigures(member.id(), member.displayName(), c[0], c[1], c[2]));
        }
        var others = counts.keySet().stream().filter(id -> !seen.contains(id)).toList();
        if (!others.isEmpty()) {
            var names = staff.displayNames(others);
            others.forEach(id -> {
                var c = counts.get(id);
                result.add(new CounsellorFigures(id, names.getOrDefault(id, "?"), c[0], c[1], c[2]));
            });
        }
        audit.record(AuditEvent.of(AuditAction.VIEW, "risk-figures", null).because("per counsellor"));
        return List.copyOf(result);
    }

    /**
     * The clients behind one counsellor's figure.
     *
     * @throws AccessDeniedException when the counsellor has no open case in a team the caller leads
     */
    public List<FigureClient> clientsBehind(long counsellorId, Figure figure) {
        var teams = policy.scope().teamsForQuery();
        Integer inScope = jdbc.queryForObject(
                "select count(*) from client c where c.counsellor_id = :c and c.team_id in (:teams)",
                Map.of("c", counsellorId, "teams", teams),
                Integer.class);
        if (inScope == null || inScope == 0) {
            audit.recordRefusal(AuditEvent.of(AuditAction.VIEW, "risk-figures", "staff #" + counsellorId)
                    .because("not in a team the caller leads"));
            throw new AccessDeniedException("That counsellor is not in a team you lead.");
        }
        var condition = switch (figure) {
            case OVERDUE_REVIEWS -> "p.next_review < :today";
            case HIGH_RISK -> HIGH;
            case OPEN_CONCERNS -> OPEN_CONCERN;
        };
        var found = new java.util.LinkedHashMap<FigureClient, org.casebook.client.ClientId>();
        var scope = policy.teamClientsSql("c");
        jdbc.query(
                "select c.code, p.risk_to_others, p.risk_to_self, p.next_review, c.id " + openCases(scope)
                        + " and c.counsellor_id = :c and " + condition + " order by c.code",
                scope.with(Map.of("c", counsellorId, "today", today())),
                rs -> {
                    found.put(
                            new FigureClient(
                                    rs.getString(1),
                                    level(rs.getString(2)),
                                    level(rs.getString(3)),
                                    rs.getObject(4, LocalDate.class)),
                            new org.casebook.client.ClientId(rs.getObject(5, java.util.UUID.class)));
                });
        // Need-to-know decides row by row (a supervisor excluded from a client of their team never sees it).
        var rows = policy.visibleOnly(found.keySet(), found::get);
        policy.recordListed(
                "risk-figures " + figure.name().toLowerCase(java.util.Locale.ROOT),
                rows.stream().map(FigureClient::code).toList());
        return rows;
    }

    /** The caller's teams' open cases by risk level (the higher of the two ratings), for a chart. */
    public List<LevelCount> caseloadByRisk() {
        var scope = policy.teamClientsSql("c");
        Map<RiskLevel, Long> byLevel = new EnumMap<>(RiskLevel.class);
        long[] unrated = {0};
        jdbc.query("""
                select case
                  when p.id is null then 'NONE'
                  when p.risk_to_others = 'VERY_HIGH' or p.risk_to_self = 'VERY_HIGH' then 'VERY_HIGH'
                  when p.risk_to_others = 'HIGH' or p.risk_to_self = 'HIGH' then 'HIGH'
                  when p.risk_to_others = 'MEDIUM' or p.risk_to_self = 'MEDIUM' then 'MEDIUM'
                  else 'LOW' end as lvl, count(*)
                %s group by lvl""".formatted(openCases(scope)), scope.parameters(), rs -> {
            var level = rs.getString(1);
            if ("NONE".equals(level)) {
                unrated[0] = rs.getLong(2);
            } else {
                byLevel.put(RiskLevel.valueOf(level), rs.getLong(2));
            }
        });
        var result = new ArrayList<LevelCount>();
        for (var level : RiskLevel.values()) {
            result.add(new LevelCount(level, byLevel.getOrDefault(level, 0L)));
        }
        result.add(new LevelCount(null, unrated[0]));
        audit.record(AuditEvent.of(AuditAction.VIEW, "risk-figures", null).because("caseload by risk"));
        return List.copyOf(result);
    }

    private LocalDate today() {
        return charity.today();
    }

    private static @Nullable RiskLevel level(@Nullable String name) {
        return name == null ? null : RiskLevel.valueOf(name);
    }
}
