package org.casebook.audit;

/** How the action ended. */
public enum AuditOutcome {
    SUCCESS,
    DENIED,
    FAILURE
}
