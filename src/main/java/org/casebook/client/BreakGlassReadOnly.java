package org.casebook.client;

import org.springframework.security.access.AccessDeniedException;

/** Refused because the person opened the client by break-glass, which allows reading only. */
public class BreakGlassReadOnly extends AccessDeniedException {

    public static final String MESSAGE = "You opened this client by break-glass: you may read their records, "
            + "but not change them. Only raising a safeguarding concern is allowed.";

    BreakGlassReadOnly() {
        super(MESSAGE);
    }
}
