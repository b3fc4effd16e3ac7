package org.casebook.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SessionNoteRepository extends JpaRepository<SessionNote, UUID> {

    Optional<SessionNote> findByAppointmentId(UUID appointmentId);

    List<SessionNote> findByAppointmentIdIn(Collection<UUID> appointmentIds);
}
