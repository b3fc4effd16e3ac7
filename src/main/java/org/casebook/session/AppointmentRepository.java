package org.casebook.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppointmentRepository extends JpaRepository<Appointment, UUID> {

    List<Appointment> findByClientIdOrderByStartsAtDesc(UUID clientId);

    /** Appointments of a counsellor that take up time between {@code from} and {@code to} (cancelled ones do not). */
    @Query("""
            select a from Appointment a
            where a.counsellorId = :counsellorId and a.startsAt < :to and a.endsAt > :from
              and (a.outcome is null or a.outcome in (org.casebook.session.Attendance.ATTENDED,
                   org.casebook.session.Attendance.DID_NOT_ATTEND))
            order by a.startsAt""")
    List<Appointment> findOverlapping(long counsellorId, Instant from, Instant to);

    /** A counsellor's appointments that start in a period, cancelled ones included, for the calendar. */
    @Query("""
            select a from Appointment a
            where a.counsellorId = :counsellorId and a.startsAt >= :from and a.startsAt < :to
            order by a.startsAt""")
    List<Appointment> findStartingBetween(long counsellorId, Instant from, Instant to);

    /** The appointments of a series from a given start on that have no outcome yet. */
    @Query("""
            select a from Appointment a
            where a.seriesId = :seriesId and a.startsAt >= :from and a.outcome is null
            order by a.startsAt""")
    List<Appointment> findOpenInSeriesFrom(UUID seriesId, Instant from);

    /**
     * Coming appointments, soonest first. {@code startsAfter} is {@code now} less the longest appointment
     * ({@link AppointmentService#MAX_MINUTES}): it changes nothing in the result (nothing that started earlier
     * can still be running) but lets the index on (counsellor, start) bound the scan, where a filter on the end
     * alone read every past appointment of the counsellor.
     */
    @Query("""
            select a from Appointment a
            where a.counsellorId = :counsellorId and a.startsAt > :startsAfter and a.endsAt > :now and a.outcome is null
            order by a.startsAt""")
    List<Appointment> findUpcoming(long counsellorId, Instant startsAfter, Instant now, Pageable page);

    default List<Appointment> findUpcoming(long counsellorId, Instant now, Pageable page) {
        return findUpcoming(
                counsellorId, now.minus(java.time.Duration.ofMinutes(AppointmentService.MAX_MINUTES)), now, page);
    }

    @Query("""
            select a.clientId, min(a.startsAt) from Appointment a
            where a.clientId in :clients and a.startsAt >= :now and a.outcome is null
            group by a.clientId""")
    List<Object[]> findNextByClient(Collection<UUID> clients, Instant now);

    boolean existsByClientId(UUID clientId);

    /** This client's attended sessions without a signed note, latest first. */
    @Query("""
            select a.id from Appointment a
            where a.clientId = :clientId and a.outcome = org.casebook.session.Attendance.ATTENDED
              and not exists (select n from SessionNote n where n.appointmentId = a.id and n.signedAt is not null)
            order by a.startsAt desc""")
    List<UUID> findUnsignedOfClient(UUID clientId, Pageable page);

    /** Sessions of these counsellors whose note is signed and not yet co-signed, oldest first. */
    @Query("""
            select a from Appointment a
            where a.counsellorId in :counsellors
              and exists (select n from SessionNote n where n.appointmentId = a.id and n.signedAt is not null
                          and n.coSignedAt is null)
            order by a.startsAt""")
    List<Appointment> findAwaitingCoSign(Collection<Long> counsellors, Pageable page);

    /** How many attended sessions of this client before {@code cutoff} have no signed note. */
    @Query("""
            select count(a) from Appointment a
            where a.clientId = :clientId and a.outcome = org.casebook.session.Attendance.ATTENDED
              and a.startsAt < :cutoff
              and not exists (select n from SessionNote n where n.appointmentId = a.id and n.signedAt is not null)""")
    long countUnsignedOfClientBefore(UUID clientId, Instant cutoff);

    /** Attended sessions before {@code cutoff} of these counsellors with no signed note. */
    @Query("""
            select a from Appointment a
            where a.counsellorId in :counsellors and a.outcome = org.casebook.session.Attendance.ATTENDED
              and a.startsAt < :cutoff
              and not exists (select n from SessionNote n where n.appointmentId = a.id and n.signedAt is not null)
            order by a.startsAt""")
    List<Appointment> findUnsignedBefore(Collection<Long> counsellors, Instant cutoff, Pageable page);
}
