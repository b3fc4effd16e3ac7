package org.casebook.client;

import java.util.UUID;

/** A client's identity inside the application. Screens, URLs and the audit log use the client code instead. */
public record ClientId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
