package org.casebook.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An audit entry exactly as its columns hold it, hashes included. */
record StoredEntry(
        long seq,
        long occurredAtMs,
        @Nullable Long actorId,
        @Nullable String actorUsername,
        @Nullable String actorRoles,
        String action,
        @Nullable String recordType,
        @Nullable String recordId,
        @Nullable String clientRef,
        String outcome,
        @Nullable String reason,
        @Nullable String sourceAddress,
        byte[] prevHash,
        byte[] hash) {

    static final String COLUMNS = "seq, occurred_at_ms, actor_id, actor_username, actor_roles, action, record_type, "
            + "record_id, client_ref, outcome, reason, source_address, prev_hash, hash";

    static StoredEntry read(java.sql.ResultSet rs) throws java.sql.SQLException {
        long actor = rs.getLong(3);
        Long actorId = rs.wasNull() ? null : actor;
        return new StoredEntry(rs.getLong(1), rs.getLong(2), actorId, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getBytes(13), rs.getBytes(14));
    }

    StoredEntry withHashes(byte[] previous, byte[] own) {
        return new StoredEntry(seq, occurredAtMs, actorId, actorUsername, actorRoles, action, recordType, recordId,
                clientRef, outcome, reason, sourceAddress, previous, own);
    }

    AuditEntry toEntry() {
        return new AuditEntry(seq, Instant.ofEpochMilli(occurredAtMs), actorId, actorUsername, actorRoles,
                AuditAction.valueOf(action), recordType, recordId, clientRef, AuditOutcome.valueOf(outcome), reason,
                sourceAddress);
    }
}
