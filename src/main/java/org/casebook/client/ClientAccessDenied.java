package org.casebook.client;

import org.springframework.security.access.AccessDeniedException;

/** Refused by need-to-know. The message never says whether the client exists. */
public class ClientAccessDenied extends AccessDeniedException {

    public static final String MESSAGE = "You do not have access to this client, or there is no such client.";

    ClientAccessDenied() {
        super(MESSAGE);
    }
}
