package org.casebook.audit.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditOutcome;
import org.casebook.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * The audit log in words: record types, roles and outcomes are stored as codes ("session-note", "COUNSELLOR",
 * "DENIED") so the chain stays stable; a person reads "Session note", "Counsellor", "Refused", and a member of
 * staff by name rather than "staff-account 7". The CSV export keeps the codes for tools.
 */
final class AuditWords {

    private static final Map<String, String> RECORD_TYPES = Map.ofEntries(
            Map.entry("client", "Client"),
            Map.entry("client-page", "Client page"),
            Map.entry("client-summary", "Client header"),
            Map.entry("client-history", "Case history"),
            Map.entry("session-note", "Session note"),
            Map.entry("appointment", "Appointment"),
            Map.entry("appointments", "Appointments"),
            Map.entry("core10", "CORE-10"),
            Map.entry("risk-plan", "Risk-minimisation plan"),
            Map.entry("risk-review", "Risk review"),
            Map.entry("safeguarding-concern", "Safeguarding concern"),
            Map.entry("staff-account", "Staff account"),
            Map.entry("break-glass", "Break-glass access"),
            Map.entry("referral", "Referral"),
            Map.entry("consent", "Consent"),
            Map.entry("audit-log", "Audit log"));

    private AuditWords() {}

    /** "session-note" becomes "Session note"; a type not listed here reads the same way, dashes as spaces. */
    static String recordType(@Nullable String type) {
        if (type == null || type.isBlank()) {
            return "";
        }
        var known = RECORD_TYPES.get(type);
        if (known != null) {
            return known;
        }
        var words = type.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The record in words: its type, and the member of staff's name for an account, a short reference for a long
     * id (the whole id is in the CSV export), or nothing where the client column already names it.
     */
    static String record(AuditEntry entry, Function<Long, @Nullable String> staffName) {
        var type = recordType(entry.recordType());
        var id = entry.recordId();
        if (id == null || id.isBlank() || id.equals(entry.clientRef())) {
            return type;
        }
        if ("staff-account".equals(entry.recordType()) && id.matches("\\d{1,18}")) {
            var name = staffName.apply(Long.parseLong(id));
            return type + ": " + (name == null ? "an account no longer listed" : name);
        }
        if (id.matches("[0-9a-fA-F-]{32,36}")) {
            return type + " (ref. " + id.substring(0, 8) + ")";
        }
        return type + " " + id;
    }

    /** "COUNSELLOR,SUPERVISOR" becomes "Counsellor, Supervisor". */
    static String roles(@Nullable String roles) {
        if (roles == null || roles.isBlank()) {
            return "";
        }
        return Arrays.stream(roles.split(","))
                .map(String::strip)
                .map(code -> {
                    try {
                        return Role.valueOf(code).label();
                    } catch (IllegalArgumentException unknown) {
                        return code;
                    }
                })
                .collect(Collectors.joining(", "));
    }

    static String outcome(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "";
            case DENIED -> "Refused";
            case FAILURE -> "Failed";
        };
    }
}
