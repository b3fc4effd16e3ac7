package org.casebook.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.casebook.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * One thing to record: who (added by {@link AuditLog}), what action, on which record, for which client, with
 * what outcome. Never clinical content, criminal-offence facts or credentials in any field, and never text a
 * person typed: a reason someone gives (break-glass, assignment, closure) or a clinical fact (a risk rating,
 * a concern's category, a decision's outcome, a date in a criminal case) stays, sealed, in the module that
 * owns it, and the entry names that record by type and id so a person allowed to read it can find it.
 *
 * <p>Values longer than their audit column (a path someone typed, a malformed id) are shortened here, with a
 * hash of the whole value, so that a refusal is always recorded and never fails on its own length.
 *
 * @param recordType what kind of record, e.g. {@code "client"}, {@code "session-note"}, {@code "break-glass"}
 * @param recordId the record's id (or the path or id that was asked for, when refused)
 * @param clientRef the client code, where the record belongs to a client
 * @param reason a short note in fixed wording from the code ("draft", "not theirs", "to staff #12"), never
 *     typed text or a clinical fact
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

    /** The audit log's column widths (V2__audit_log.sql). */
    static final int MAX_RECORD_TYPE = 40;

    static final int MAX_RECORD_ID = 64;
    static final int MAX_CLIENT_REF = 32;
    static final int MAX_REASON = 500;

    public AuditEvent {
        recordType = fit(recordType, MAX_RECORD_TYPE);
        recordId = fit(recordId, MAX_RECORD_ID);
        clientRef = fit(clientRef, MAX_CLIENT_REF);
        reason = fit(reason, MAX_REASON);
    }

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

    /**
     * The value itself if it fits, otherwise its beginning, a tilde and 12 hex digits of its SHA-256, in
     * {@code max} characters: different long values stay distinguishable, the same value gives the same text.
     */
    static @Nullable String fit(@Nullable String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        var digest = HexFormat.of().formatHex(sha256(value), 0, 6);
        int keep = max - digest.length() - 1;
        if (Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        return value.substring(0, keep) + "~" + digest;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
