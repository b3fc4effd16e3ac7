package org.casebook.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppointmentReminderRepository extends JpaRepository<AppointmentReminder, UUID> {

    @Query("select r.id from AppointmentReminder r where r.state in (org.casebook.session.ReminderState.PENDING, "
            + "org.casebook.session.ReminderState.RETRYING) and r.nextAttemptAt <= :now order by r.nextAttemptAt")
    List<UUID> findDue(Instant now, Pageable page);

    /**
     * The reminder, locked (select ... for update) until the sending transaction ends: a second instance
     * waits, then finds it sent and leaves it.
     */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from AppointmentReminder r where r.id = :id")
    java.util.Optional<AppointmentReminder> lockById(UUID id);

    List<AppointmentReminder> findByAppointmentIdOrderByChannel(UUID appointmentId);

    List<AppointmentReminder> findByAppointmentIdIn(Collection<UUID> appointmentIds);

    @Query("select r from AppointmentReminder r, Appointment a where a.id = r.appointmentId "
            + "and a.counsellorId = :counsellorId and r.state = org.casebook.session.ReminderState.FAILED "
            + "and a.startsAt > :after order by a.startsAt")
    List<AppointmentReminder> findFailedFor(long counsellorId, Instant after);
}
