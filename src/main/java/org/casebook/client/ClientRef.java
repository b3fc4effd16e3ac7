package org.casebook.client;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A client as a supervisor's list shows them: the code and the state of the case, never the name. */
public record ClientRef(
        ClientId id,
        String code,
        CaseStatus status,
        @Nullable Long counsellorId,
        LocalDate receivedOn,
        @Nullable Integer priority) {

    static ClientRef of(Client client) {
        return new ClientRef(
                client.clientId(),
                client.code(),
                client.status(),
                client.counsellorId(),
                client.receivedOn(),
                client.priority());
    }
}
