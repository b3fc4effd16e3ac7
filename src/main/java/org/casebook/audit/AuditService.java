package org.casebook.audit;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.casebook.security.StaffMember;
import org.casebook.security.StaffService;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit log: administrators see everything; supervisors see what their team's staff did.
 * Exports are themselves audited. Only administrators verify the chain.
 */
@Service
public class AuditService {

    /** The most entries one page returns, whatever is asked for. */
    static final int MAX_PAGE = 500;

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CharityClock charity;
    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final StaffService staff;
    private final AuditLog auditLog;
    private final AuditVerifier verifier;
    private final ZoneId zone;
    private final Clock clock;
    private final java.time.Duration chainBound;

    AuditService(
            JdbcTemplate jdbc,
            CurrentUser currentUser,
            StaffService staff,
            AuditLog auditLog,
            AuditVerifier verifier,
            AuditProperties properties,
            @Value("${casebook.time-zone}") ZoneId zone,
            Clock clock,
            CharityClock charity) {
        this.chainBound = properties.chainBound();
        this.charity = charity;
        this.clock = clock;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.staff = staff;
        this.auditLog = auditLog;
        this.verifier = verifier;
        this.zone = zone;
    }

    /**
     * Refuses a filter whose dates are outside {@link DateRange#SEARCH} (which also keeps their arithmetic
     * from overflowing), with a message for the {@code from} or {@code to} field.
     *
     * @throws InvalidFields naming the field
     */
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public void check(AuditFilter filter) {
        var today = charity.today();
        DateRange.SEARCH.check("from", filter.from(), today);
        DateRange.SEARCH.check("to", filter.to(), today);
    }

    /** One page of matching entries, newest first. */
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Transactional // a search of the audit log is itself audited, so not read-only
    public Slice<AuditEntry> search(AuditFilter filter, Pageable pageable) {
        int size = Math.min(pageable.getPageSize(), MAX_PAGE);
        var query = query(filter);
        query.sql.append(" order by seq desc limit ? offset ?");
        query.args.add(size + 1);
        query.args.add(pageable.getOffset());
        var rows =
                jdbc.query(query.sql.toString(), (rs, n) -> StoredEntry.read(rs).toEntry(), query.args.toArray());
        boolean more = rows.size() > size;
        // Recorded after the query, so that a search does not find itself.
        auditLog.record(AuditEvent.of(AuditAction.VIEW, "audit-log", null)
                .because("search page " + pageable.getPageNumber() + "; " + filter.describe()));
        return new SliceImpl<>(more ? rows.subList(0, size) : rows, pageable, more);
    }

    /** Writes every matching entry as CSV, newest first, and records the export. */
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Transactional
    public long exportCsv(AuditFilter filter, Writer out) {
        // Recorded before the first row is written: an export cut short is still on record.
        auditLog.record(AuditEvent.of(AuditAction.EXPORT, "audit-log", null).because(filter.describe()));
        var query = query(filter);
        query.sql.append(" order by seq desc");
        long[] count = {0};
        try {
            out.write("seq,time,actor_id,actor,roles,action,record_type,record_id,client,outcome,reason,source\n");
            jdbc.query(
                    query.sql.toString(),
                    rs -> {
                        var e = StoredEntry.read(rs).toEntry();
                        try {
                            out.write(String.join(
                                    ",",
                                    String.valueOf(e.seq()),
                                    CSV_TIME.format(e.occurredAt().atZone(zone)),
                                    csv(e.actorId() == null ? null : e.actorId().toString()),
                                    csv(e.actorUsername()),
                                    csv(e.actorRoles()),
                                    e.action().name(),
                                    csv(e.recordType()),
                                    csv(e.recordId()),
                                    csv(e.clientRef()),
                                    e.outcome().name(),
                                    csv(e.reason()),
                                    csv(e.sourceAddress())));
                            out.write('\n');
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                        count[0]++;
                    },
                    query.args.toArray());
            out.flush();
        } catch (IOException | UncheckedIOException | org.springframework.dao.DataAccessException failed) {
            // The transaction rolls back, taking the entry above with it: the rows already sent stay on record.
            auditLog.recordRefusal(AuditEvent.of(AuditAction.EXPORT, "audit-log", null)
                    .because("interrupted after " + count[0] + " rows; " + filter.describe()));
            throw failed instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failed;
        }
        return count[0];
    }

    /**
     * Every entry naming this client code, oldest first, whoever acted: the "who accessed the record and when"
     * of a subject access export. The caller (the data-protection module) has checked need-to-know for the
     * client and records the export; nothing is recorded here.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional(readOnly = true)
    public java.util.List<AuditEntry> entriesAboutClient(String clientCode) {
        return jdbc.query(
                "select " + StoredEntry.COLUMNS + " from audit_entry where client_ref = ? order by seq",
                (rs, n) -> StoredEntry.read(rs).toEntry(),
                clientCode.trim().toUpperCase(Locale.ROOT));
    }

    /** Verifies the whole chain and its anchors, and records that it was done. */
    @RolesAllowed(Roles.ADMIN)
    public VerificationResult verify() {
        var result = verifier.verify();
        auditLog.record(AuditEvent.of(AuditAction.VERIFY, "audit-log", null)
                .withOutcome(result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
                .because(result.message()));
        return result;
    }

    /**
     * How many committed entries wait to be chained, and how many of them have waited longer than the
     * bound (normally none: the sequencer chains entries within about a second of their commit).
     */
    public record ChainStatus(long unchained, long overdue, java.time.Duration bound) {}

    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Transactional(readOnly = true)
    public ChainStatus chainStatus() {
        long oldest = System.currentTimeMillis() - chainBound.toMillis();
        var counts = jdbc.queryForObject(
                "select count(*), coalesce(sum(case when written_ms is null or written_ms < ? "
                        + "then 1 else 0 end), 0) from audit_entry where block_no is null",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)},
                oldest);
        return new ChainStatus(counts[0], counts[1], chainBound);
    }

    private record Query(StringBuilder sql, List<Object> args) {}

    private Query query(AuditFilter filter) {
        check(filter);
        var sql = new StringBuilder("select " + StoredEntry.COLUMNS + " from audit_entry where 1 = 1");
        var args = new ArrayList<Object>();
        var user = currentUser.require();
        if (!user.hasRole(Role.ADMIN)) {
            // A supervisor sees what they and the counsellors of their team did.
            var ids = new ArrayList<Long>();
            ids.add(user.accountId());
            staff.myTeam().stream().map(StaffMember::id).forEach(ids::add);
            sql.append(" and actor_id in (").append("?,".repeat(ids.size() - 1)).append("?)");
            args.addAll(ids);
        }
        if (hasText(filter.username())) {
            sql.append(" and lower(actor_username) = ?");
            args.add(filter.username().trim().toLowerCase(Locale.ROOT));
        }
        if (hasText(filter.clientRef())) {
            sql.append(" and client_ref = ?");
            args.add(filter.clientRef().trim().toUpperCase(Locale.ROOT));
        }
        if (filter.action() != null) {
            sql.append(" and action = ?");
            args.add(filter.action().name());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at_ms >= ?");
            args.add(filter.from().atStartOfDay(zone).toInstant().toEpochMilli());
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at_ms < ?");
            args.add(filter.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        return new Query(sql, args);
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /** RFC 4180 quoting, and no leading formula characters for spreadsheets. */
    static String csv(@Nullable String value) {
        if (value == null) {
            return "";
        }
        var safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
