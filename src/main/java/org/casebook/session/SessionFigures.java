package org.casebook.session;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientId;
import org.casebook.security.CurrentUser;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Session figures for supervision: per counsellor and month, sessions held and did-not-attends; notes
 * unsigned past 72 hours now (of any month), with the lists behind each figure; and CORE-10 change over closed cases. Only
 * for counsellors in teams the signed-in supervisor leads. Counted in the database, never by loading
 * records. The lists behind the figures show only clients need-to-know allows, and each view of one is audited
 * (so those methods are not read-only).
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Roles.SUPERVISOR)
public class SessionFigures {

    /**
     * One counsellor's month.
     *
     * @param dnaRate did-not-attends over (attended + did-not-attends), 0 when there were neither
     * @param unsignedOver72Hours every attended session of the counsellor whose note is unsigned more than 72 hours
     *     on, now, whatever month it was in (attended and did-not-attend count the month)
     */
    public record CounsellorMonth(
            long counsellorId,
            String counsellor,
            long attended,
            long didNotAttend,
            double dnaRate,
            long unsignedOver72Hours) {}

    /** A line behind a figure. */
    public record SessionLine(String clientCode, LocalDate date) {}

    /** Which figure to list. */
    public enum Figure {
        ATTENDED,
        DID_NOT_ATTEND,
        UNSIGNED_OVER_72_HOURS
    }

    /** A closed case's CORE-10 change: its first and last totals. */
    public record Core10Change(String clientCode, int firstTotal, int lastTotal) {

        public Core10.Change change() {
            return Core10.change(firstTotal, lastTotal);
        }
    }

    private final EntityManager entities;
    private final CaseAccessPolicy policy;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId zone;

    SessionFigures(
            EntityManager entities,
            CaseAccessPolicy policy,
            StaffDirectory staff,
            CurrentUser currentUser,
            Clock clock,
            @Value("${casebook.time-zone}") ZoneId zone) {
        this.entities = entities;
        this.policy = policy;
        this.staff = staff;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = zone;
    }

    /** Every counsellor of the caller's teams, for the month (counsellors with nothing are listed with zeros). */
    public List<CounsellorMonth> month(YearMonth month) {
        var team = myCounsellors();
        if (team.isEmpty()) {
            return List.of();
        }
        var ids = team.stream().map(StaffMember::id).toList();
        var from = start(month);
        var to = start(month.plusMonths(1));
        Map<Long, long[]> counts = new HashMap<>();
        entities.createQuery("""
                        select a.counsellorId,
                               sum(case when a.outcome = org.casebook.session.Attendance.ATTENDED then 1 else 0 end),
                               sum(case when a.outcome = org.casebook.session.Attendance.DID_NOT_ATTEND then 1 else 0 end)
                        from Appointment a
                        where a.counsellorId in :ids and a.startsAt >= :from and a.startsAt < :to
                        group by a.counsellorId""", Object[].class)
                .setParameter("ids", ids)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], new long[] {number(row[1]), number(row[2])}));
        // Every note overdue now, whatever month its session was in: an overdue note from the 30th must not
        // drop out of the figure on the 1st. The partial indexes of V121 make this an index-only anti-join.
        Map<Long, Long> unsigned = new HashMap<>();
        entities.createQuery("""
                        select a.counsellorId, count(a) from Appointment a
                        where a.counsellorId in :ids
                          and a.outcome = org.casebook.session.Attendance.ATTENDED and a.startsAt < :cutoff
                          and not exists (select n from SessionNote n where n.appointmentId = a.id and n.signedAt is not null)
                        group by a.counsellorId""", Object[].class)
                .setParameter("ids", ids)
                .setParameter("cutoff", cutoff())
                .getResultList()
                .forEach(row -> unsigned.put((Long) row[0], number(row[1])));
        var result = new ArrayList<CounsellorMonth>();
        for (var member : team) {
            var c = counts.getOrDefault(member.id(), new long[2]);
            long seen = c[0] + c[1];
            result.add(new CounsellorMonth(
                    member.id(),
                    member.displayName(),
                    c[0],
                    c[1],
                    seen == 0 ? 0 : (double) c[1] / seen,
                    unsigned.getOrDefault(member.id(), 0L)));
        }
        return result;
    }

    /** The sessions behind one figure of one counsellor's month, by client code and date. */
    @Transactional
    public List<SessionLine> lines(long counsellorId, YearMonth month, Figure figure) {
        if (myCounsellors().stream().noneMatch(m -> m.id() == counsellorId)) {
            throw new AccessDeniedException("This counsellor is not in a team you lead.");
        }
        var jpql = new StringBuilder("""
                select a.clientCode, a.startsAt, a.clientId from Appointment a
                where a.counsellorId = :counsellor and a.outcome = :outcome""");
        if (figure == Figure.UNSIGNED_OVER_72_HOURS) {
            // Every overdue note, as the figure counts them, not only the month's.
            jpql.append(" and a.startsAt < :cutoff and not exists (select n from SessionNote n"
                    + " where n.appointmentId = a.id and n.signedAt is not null)");
        } else {
            jpql.append(" and a.startsAt >= :from and a.startsAt < :to");
        }
        jpql.append(" order by a.startsAt");
        var query = entities.createQuery(jpql.toString(), Object[].class)
                .setParameter("counsellor", counsellorId)
                .setParameter(
                        "outcome", figure == Figure.DID_NOT_ATTEND ? Attendance.DID_NOT_ATTEND : Attendance.ATTENDED);
        if (figure == Figure.UNSIGNED_OVER_72_HOURS) {
            query.setParameter("cutoff", cutoff());
        } else {
            query.setParameter("from", start(month)).setParameter("to", start(month.plusMonths(1)));
        }
        var rows = policy.visibleOnly(query.setMaxResults(1000).getResultList(), row -> new ClientId((UUID) row[2]));
        var lines = rows.stream()
                .map(row -> new SessionLine((String) row[0], LocalDate.ofInstant((Instant) row[1], zone)))
                .toList();
        policy.recordListed(
                "session-figures " + figure.name().toLowerCase(java.util.Locale.ROOT),
                lines.stream().map(SessionLine::clientCode).toList());
        return lines;
    }

    /**
     * CORE-10 change for the cases of a team closed with a closing measure: each client's first and last
     * totals (one measure a day per client, so first and last are by date).
     */
    @Transactional
    public List<Core10Change> core10Change(long teamId) {
        var user = currentUser.require();
        if (!staff.teamsLedBy(user.accountId()).contains(teamId)) {
            throw new AccessDeniedException("You do not lead this team.");
        }
        var ids = staff.activeCounsellorsIn(Set.of(teamId)).stream()
                .map(StaffMember::id)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return List.of();
        }
        var rows = entities.createQuery("""
                        select s.clientCode, s.clientId,
                          (select f.total from Core10Score f where f.clientId = s.clientId and f.measuredOn =
                             (select min(g.measuredOn) from Core10Score g where g.clientId = s.clientId)),
                          (select l.total from Core10Score l where l.clientId = s.clientId and l.measuredOn =
                             (select max(h.measuredOn) from Core10Score h where h.clientId = s.clientId))
                        from Core10Score s
                        where s.point = org.casebook.session.MeasurementPoint.CLOSURE and s.counsellorId in :ids
                        order by s.clientCode""", Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        var changes = policy.visibleOnly(rows, row -> new ClientId((UUID) row[1])).stream()
                .map(row -> new Core10Change((String) row[0], (int) number(row[2]), (int) number(row[3])))
                .toList();
        policy.recordListed(
                "core10-change", changes.stream().map(Core10Change::clientCode).toList());
        return changes;
    }

    /** How many closed cases of a team show each kind of CORE-10 change. */
    public record Core10Tally(Core10.Change change, long cases) {}

    /**
     * The CORE-10 change of a team's closed cases (those with a closing measure), counted in the database by
     * kind of change: one row for each kind, however many cases, rather than one per case. Cases the caller is
     * excluded from are left out, as they are from {@link #core10Change}.
     */
    public List<Core10Tally> core10Tally(long teamId) {
        var user = currentUser.require();
        if (!staff.teamsLedBy(user.accountId()).contains(teamId)) {
            throw new AccessDeniedException("You do not lead this team.");
        }
        var ids = staff.activeCounsellorsIn(Set.of(teamId)).stream()
                .map(StaffMember::id)
                .collect(Collectors.toSet());
        var counts = new java.util.EnumMap<Core10.Change, Long>(Core10.Change.class);
        for (var change : Core10.Change.values()) {
            counts.put(change, 0L);
        }
        if (!ids.isEmpty()) {
            Object[] row = (Object[]) entities.createNativeQuery("""
                    select coalesce(sum(case when first_total - last_total >= :reliable then 1 else 0 end), 0),
                           coalesce(sum(case when last_total - first_total >= :reliable then 1 else 0 end), 0),
                           count(*)
                    from (select (select f.total from core10_score f where f.client_id = s.client_id
                                  order by f.measured_on limit 1) as first_total,
                                 (select l.total from core10_score l where l.client_id = s.client_id
                                  order by l.measured_on desc limit 1) as last_total
                          from core10_score s
                          where s.point = 'CLOSURE' and s.counsellor_id in (:ids)
                            and not exists (select 1 from client_exclusion x
                                            where x.client_id = s.client_id and x.staff_id = :me)) changes""")
                    .setParameter("reliable", Core10.RELIABLE_CHANGE)
                    .setParameter("ids", ids)
                    .setParameter("me", user.accountId())
                    .getSingleResult();
            long improved = number(row[0]);
            long worse = number(row[1]);
            counts.put(Core10.Change.RELIABLE_IMPROVEMENT, improved);
            counts.put(Core10.Change.RELIABLE_DETERIORATION, worse);
            counts.put(Core10.Change.NO_RELIABLE_CHANGE, number(row[2]) - improved - worse);
        }
        return counts.entrySet().stream()
                .map(e -> new Core10Tally(e.getKey(), e.getValue()))
                .toList();
    }

    private List<StaffMember> myCounsellors() {
        var user = currentUser.require();
        return staff.activeCounsellorsIn(staff.teamsLedBy(user.accountId()));
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    private Instant cutoff() {
        return clock.instant().minus(AppointmentService.OVERDUE_AFTER);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
