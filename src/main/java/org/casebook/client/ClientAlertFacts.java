package org.casebook.client;

import java.util.List;

/**
 * Implemented by modules that know what needs attention in a case (safeguarding concerns, plan reviews,
 * trigger dates, overdue notes), so the client header can show it without this module depending on them.
 * Called only for a client need-to-know has already allowed; records nothing (the caller's read is audited).
 */
public interface ClientAlertFacts {

    /** This client's alerts, in a query or two. */
    List<ClientAlert> alerts(ClientAccess client);
}
