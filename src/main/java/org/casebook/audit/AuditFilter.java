package org.casebook.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What to look for in the audit log; every part is optional.
 *
 * @param username the person who acted (exact username, any case)
 * @param clientRef a client code
 * @param from first day included, in the charity's time zone
 * @param to last day included
 */
public record AuditFilter(
        @Nullable String username,
        @Nullable String clientRef,
        @Nullable AuditAction action,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    /** A short description for the audit entry of an export: the filter, never any result. */
    String describe() {
        var parts = new java.util.ArrayList<String>();
        if (username != null && !username.isBlank()) {
            parts.add("person=" + username.trim());
        }
        if (clientRef != null && !clientRef.isBlank()) {
            parts.add("client=" + clientRef.trim());
        }
        if (action != null) {
            parts.add("action=" + action.name());
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        return parts.isEmpty() ? "no filter" : String.join(", ", parts);
    }
}
