package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casebook.PostgresTest;
import org.casebook.loaddata.GeneratedFixtures;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rewritten session queries return exactly what the queries they replaced returned, on PostgreSQL with
 * generated data (every counsellor, past and coming appointments, signed, late-signed and unsigned notes).
 */
class FixedQueriesPostgresTest extends PostgresTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AppointmentRepository appointments;

    @Autowired
    EntityManager entities;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    SessionFigures figures;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    Clock clock;

    private static boolean generated;

    @BeforeEach
    void generateOnce() {
        if (!generated) {
            GeneratedFixtures.generate(context, 400);
            generated = true;
        }
    }

    private List<Long> counsellors() {
        return jdbc.queryForList(
                "select r.account_id from staff_role r where r.role = 'COUNSELLOR' order by 1", Long.class);
    }

    @Test
    void upcomingAppointmentsBoundedOnTheirStartAreExactlyThoseOfTheOldQuery() {
        var now = clock.instant();
        transaction.executeWithoutResult(status -> {
            int compared = 0;
            for (long counsellor : counsellors()) {
                var old = entities.createQuery("""
                        select a from Appointment a
                        where a.counsellorId = :counsellorId and a.endsAt > :now and a.outcome is null
                        order by a.startsAt""", Appointment.class)
                        .setParameter("counsellorId", counsellor)
                        .setParameter("now", now)
                        .setMaxResults(100)
                        .getResultList();
                var fixed = appointments.findUpcoming(counsellor, now, PageRequest.of(0, 100));
                assertThat(fixed)
                        .extracting(Appointment::id)
                        .containsExactlyElementsOf(
                                old.stream().map(Appointment::id).toList());
                compared += old.size();
            }
            assertThat(compared).as("upcoming appointments compared").isPositive();
        });
    }

    @Test
    void overdueNotesOverThePartialIndexesAreExactlyThoseOfAHandWrittenQuery() {
        var cutoff = clock.instant().minus(AppointmentService.OVERDUE_AFTER);
        var ids = counsellors();
        var expected = jdbc.queryForList("""
                select a.id from appointment a
                where a.counsellor_id = any(?) and a.outcome = 'ATTENDED' and a.starts_at < ?
                  and a.id not in (select n.appointment_id from session_note n where n.signed_at is not null)
                order by a.starts_at, a.id""", UUID.class, ids.toArray(Long[]::new), java.sql.Timestamp.from(cutoff));
        assertThat(expected).as("overdue notes in the fixtures").hasSizeGreaterThan(5);
        var found =
                transaction.execute(status -> appointments.findUnsignedBefore(ids, cutoff, PageRequest.of(0, 100_000)));
        assertThat(found).extracting(Appointment::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(found).extracting(Appointment::startsAt).isSorted();
    }

    @Test
    void theDashboardCountsEveryOverdueNoteAndThisMonthsOnesAsBefore() {
        var zone = ZoneId.of("Europe/London");
        var month = YearMonth.now(clock.withZone(zone));
        var from = month.atDay(1).atStartOfDay(zone).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        var cutoff = clock.instant().minus(AppointmentService.OVERDUE_AFTER);
        var team = runAs.as("gen-s01", () -> figures.month(month));
        assertThat(team).isNotEmpty();
        var all = overdueByCounsellor(null, null, cutoff);
        long thisMonthTotal = 0;
        for (var row : team) {
            assertThat(row.unsignedOver72Hours())
                    .as(row.counsellor())
                    .isEqualTo(all.getOrDefault(row.counsellorId(), 0L));
            // The old figure (this month's sessions only) is the part of the new list from this month.
            var lines = runAs.as(
                    "gen-s01",
                    () -> figures.lines(row.counsellorId(), month, SessionFigures.Figure.UNSIGNED_OVER_72_HOURS));
            long inMonth = lines.stream()
                    .filter(l -> !l.date().isBefore(month.atDay(1)))
                    .count();
            var old = overdueByCounsellor(from, to, cutoff).getOrDefault(row.counsellorId(), 0L);
            assertThat(inMonth).isEqualTo(old);
            assertThat((long) lines.size()).isEqualTo(row.unsignedOver72Hours());
            thisMonthTotal += old;
        }
        assertThat(team.stream()
                        .mapToLong(SessionFigures.CounsellorMonth::unsignedOver72Hours)
                        .sum())
                .as("notes overdue from earlier months count too")
                .isGreaterThan(thisMonthTotal);
    }

    /** The figure as the old query computed it (with a month) or over every month (without). */
    private Map<Long, Long> overdueByCounsellor(Instant from, Instant to, Instant cutoff) {
        var month = from == null ? "" : " and a.startsAt >= :from and a.startsAt < :to";
        return transaction.execute(status -> {
            var query = entities.createQuery("""
                    select a.counsellorId, count(a) from Appointment a
                    where a.outcome = org.casebook.session.Attendance.ATTENDED and a.startsAt < :cutoff
                      and not exists (select n from SessionNote n where n.appointmentId = a.id and n.signedAt is not null)
                    """ + month + " group by a.counsellorId", Object[].class)
                    .setParameter("cutoff", cutoff);
            if (from != null) {
                query.setParameter("from", from).setParameter("to", to);
            }
            return query.getResultList().stream()
                    .collect(Collectors.toMap(row -> (Long) row[0], row -> ((Number) row[1]).longValue()));
        });
    }

    @Test
    void staffRolesLoadedInOneStatementAreTheRolesStored() {
        var stored = jdbc.queryForList("select account_id, role from staff_role").stream()
                .collect(Collectors.groupingBy(
                        row -> ((Number) row.get("account_id")).longValue(),
                        Collectors.mapping(row -> (String) row.get("role"), Collectors.toSet())));
        var teams = jdbc.queryForList("select id from team", Long.class);
        var staff = context.getBean(org.casebook.security.StaffDirectory.class);
        var members = staff.activeCounsellorsIn(Set.copyOf(teams));
        assertThat(members).hasSizeGreaterThan(10);
        for (var member : members) {
            assertThat(member.roles().stream().map(Enum::name).collect(Collectors.toSet()))
                    .isEqualTo(stored.get(member.id()));
        }
    }
}
