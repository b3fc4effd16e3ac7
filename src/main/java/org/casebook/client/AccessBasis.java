package org.casebook.client;

/** Why the signed-in person may open a client. */
public enum AccessBasis {
    /** The client is assigned to them. */
    ASSIGNED,
    /** They supervise the team the client belongs to. */
    TEAM,
    /** They opened the client outside their scope, with a reason, for a limited time. */
    BREAK_GLASS
}
