package org.casebook.riskplan;

import org.springframework.security.access.AccessDeniedException;

/** The person may know that a concern exists, but is not handling it and may not read it. */
public class ConcernHidden extends AccessDeniedException {

    public static final String MESSAGE = "Only the people handling this concern can read it: whoever raised it, "
            + "the client's counsellor and their supervisor.";

    ConcernHidden() {
        super(MESSAGE);
    }
}
