package org.casebook.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casebook.client.AppointmentFacts;
import org.casebook.client.ClientId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The next booked appointment of each client, in one query, for the caseload. */
@Component
class NextAppointments implements AppointmentFacts {

    private final AppointmentRepository appointments;
    private final Clock clock;

    NextAppointments(AppointmentRepository appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<ClientId, Instant> nextAppointments(Collection<ClientId> clients) {
        if (clients.isEmpty()) {
            return Map.of();
        }
        var result = new HashMap<ClientId, Instant>();
        for (var row : appointments.findNextByClient(
                clients.stream().map(ClientId::value).toList(), clock.instant())) {
            result.put(new ClientId((UUID) row[0]), (Instant) row[1]);
        }
        return result;
    }
}
