package org.casebook.audit;

import org.casebook.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * One thing to record. Never put clinical content or credentials in any field: record types and ids,
 * client codes, outcomes and short reasons only.
 *
 * @param recordType what kind of record, e.g. {@code "client"}, {@code "session-note"}, {@code "route"}
 * @param recordId the record's id or path
 * @param clientRef the client code, where the record belongs to a client
 * @param reason required for break-glass and reassignment; otherwise a short factual note
 * @param actingAs the role the person acted in, when the action needs a particular one
 */
public record AuditEvent(
        AuditAction action,
        @Nullable String recordType,
        @Nullable String recordId,
        @Nullable String clientRef,
        AuditOutcome outcome,
        @Nullable String reason,
        @Nullable Role actingAs) {

    public static AuditEvent of(AuditAction action, String recordType, @Nullable String recordId) {
        return new AuditEvent(action, recordType, recordId, null, AuditOutcome.SUCCESS, null, null);
    }

    public AuditEvent forClient(@Nullable String clientCode) {
        return new AuditEvent(action, recordType, recordId, clientCode, outcome, reason, actingAs);
    }

    public AuditEvent withOutcome(AuditOutcome newOutcome) {
        return new AuditEvent(action, recordType, recordId, clientRef, newOutcome, reason, actingAs);
    }

    public AuditEvent because(@Nullable String why) {
        return new AuditEvent(action, recordType, recordId, clientRef, outcome, why, actingAs);
    }

    public AuditEvent actingAs(Role role) {
        return new AuditEvent(action, recordType, recordId, clientRef, outcome, reason, role);
    }
}
