package org.casebook.session;

import java.time.Clock;
import java.util.List;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientAlert;
import org.casebook.client.ClientAlertFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client header's "note overdue" chip (an attended session whose note is unsigned 72 hours on) and the
 * client page's "Write a note" (the latest attended session whose note is unsigned). One query each.
 */
@Component
class OverdueNoteAlert implements ClientAlertFacts, org.casebook.client.NoteToWrite {

    private final AppointmentRepository appointments;
    private final Clock clock;

    OverdueNoteAlert(AppointmentRepository appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<String> noteToWrite(ClientAccess client) {
        return appointments
                .findUnsignedOfClient(client.id().value(), org.springframework.data.domain.PageRequest.of(0, 1))
                .stream()
                .findFirst()
                .map(id -> "note/" + id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClientAlert> alerts(ClientAccess client) {
        long overdue = appointments.countUnsignedOfClientBefore(
                client.id().value(), clock.instant().minus(AppointmentService.OVERDUE_AFTER));
        if (overdue == 0) {
            return List.of();
        }
        return List.of(new ClientAlert(
                ClientAlert.Kind.NOTE_OVERDUE,
                overdue == 1 ? "Note overdue" : overdue + " notes overdue",
                "sessions/" + client.code()));
    }
}
