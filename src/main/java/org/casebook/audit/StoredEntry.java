package org.casebook.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An audit entry exactly as its columns hold it. Legacy entries (block 0, written before the ledger)
 * carry {@code prevHash} and their chained {@code hash}; ledger entries carry no {@code prevHash}, their
 * own MAC in {@code hash}, their writer and writer number, and their block once chained.
 */
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
        byte @Nullable [] prevHash,
        byte[] hash,
        @Nullable String writerId,
        long writerSeq,
        @Nullable Long blockNo) {

    static final String COLUMNS = "seq, occurred_at_ms, actor_id, actor_username, actor_roles, action, record_type, "
            + "record_id, client_ref, outcome, reason, source_address, prev_hash, hash, writer_id, writer_seq, block_no";

    static StoredEntry read(java.sql.ResultSet rs) throws java.sql.SQLException {
        long actor = rs.getLong(3);
        Long actorId = rs.wasNull() ? null : actor;
        long block = rs.getLong(17);
        Long blockNo = rs.wasNull() ? null : block;
        return new StoredEntry(
                rs.getLong(1),
                rs.getLong(2),
                actorId,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getBytes(13),
                rs.getBytes(14),
                rs.getString(15),
                rs.getLong(16),
                blockNo);
    }

    /** A legacy entry with its chain hashes (only legacy entries link to the one before). */
    StoredEntry withHashes(byte[] previous, byte[] own) {
        return new StoredEntry(
                seq,
                occurredAtMs,
                actorId,
                actorUsername,
                actorRoles,
                action,
                recordType,
                recordId,
                clientRef,
                outcome,
                reason,
                sourceAddress,
                previous,
                own,
                writerId,
                writerSeq,
                blockNo);
    }

    AuditEntry toEntry() {
        return new AuditEntry(
                seq,
                Instant.ofEpochMilli(occurredAtMs),
                actorId,
                actorUsername,
                actorRoles,
                AuditAction.valueOf(action),
                recordType,
                recordId,
                clientRef,
                AuditOutcome.valueOf(outcome),
                reason,
                sourceAddress);
    }
}
