package org.casebook.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An entry as stored, without its hashes: what the audit view and the CSV export show. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        @Nullable Long actorId,
        @Nullable String actorUsername,
        @Nullable String actorRoles,
        AuditAction action,
        @Nullable String recordType,
        @Nullable String recordId,
        @Nullable String clientRef,
        AuditOutcome outcome,
        @Nullable String reason,
        @Nullable String sourceAddress) {}
