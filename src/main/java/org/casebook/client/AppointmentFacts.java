package org.casebook.client;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Implemented by the module that books appointments, so lists of clients can show the next one. */
public interface AppointmentFacts {

    /** The next booked appointment of each client that has one. Called only for clients already allowed. */
    Map<ClientId, Instant> nextAppointments(Collection<ClientId> clients);
}
