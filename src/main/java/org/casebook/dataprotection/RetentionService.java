package org.casebook.dataprotection;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientId;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.CurrentUser;
import org.casebook.security.ReAuthentication;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention schedule (administrators and supervisors: rules, no records), the records past their date
 * waiting for a decision, their approval (anonymisation, after a fresh re-authentication), and legal holds. A
 * supervisor sees and decides only the clients of their own teams, as {@link CaseAccessPolicy} says.
 */
@Service
@Transactional
public class RetentionService {

    private final RetentionProperties properties;
    private final CaseAccessPolicy policy;
    private final Anonymiser anonymiser;
    private final ReAuthentication reAuthentication;
    private final NamedParameterJdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    RetentionService(
            RetentionProperties properties,
            CaseAccessPolicy policy,
            Anonymiser anonymiser,
            ReAuthentication reAuthentication,
            NamedParameterJdbcTemplate jdbc,
            FieldEncryption encryption,
            StaffDirectory staff,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock) {
        this.properties = properties;
        this.policy = policy;
        this.anonymiser = anonymiser;
        this.reAuthentication = reAuthentication;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.staff = staff;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The schedule with the rule behind each figure: what the Data retention page shows everyone allowed in. */
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Transactional(readOnly = true)
    public List<ScheduleEntry> schedule() {
        var entries = new ArrayList<ScheduleEntry>();
        var anonymised = "Listed by the daily job for a supervisor's approval, then anonymised: personal details and "
                + "clinical text erased, the client code and the counts kept. A legal hold stops it.";
        entries.add(entry(RetentionRule.CLOSED_CASE, properties.closedCase(), anonymised));
        entries.add(entry(RetentionRule.REFERRAL_ONLY, properties.referralOnly(), anonymised));
        entries.add(entry(RetentionRule.SAFEGUARDING_REFERRED, properties.safeguardingReferred(), anonymised));
        entries.add(new ScheduleEntry(
                "Audit log",
                words(properties.auditLog()),
                "after the entry was written",
                "The audit log is the evidence of who did what; it holds client codes and actions, never clinical text, "
                        + "so it outlives the records it describes.",
                "Kept whole: every entry is chained to the next, so removing old entries is an operator's archive step "
                        + "(export, then a new chain), not something Casebook does by itself."));
        return entries;
    }

    private static ScheduleEntry entry(RetentionRule rule, Period period, String how) {
        return new ScheduleEntry(rule.label(), words(period), rule.from(), rule.basis(), how);
    }

    static String words(Period period) {
        var parts = new ArrayList<String>();
        if (period.getYears() > 0) {
            parts.add(period.getYears() + (period.getYears() == 1 ? " year" : " years"));
        }
        if (period.getMonths() > 0) {
            parts.add(period.getMonths() + (period.getMonths() == 1 ? " month" : " months"));
        }
        if (period.getDays() > 0) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " day" : " days"));
        }
        return parts.isEmpty() ? "not kept" : String.join(" ", parts);
    }

    /** The records of the supervisor's teams past their date, waiting for a decision, oldest due first. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<RetentionCandidate> pending() {
        var scope = policy.teamClientsSql("c");
        var rows = jdbc.query(
                "select r.id, r.client_code, r.rule, r.due_on, r.found_on from retention_review r "
                        + "join client c on c.id = r.client_id where r.status = 'PENDING' and " + scope.condition()
                        + " order by r.due_on",
                scope.parameters(),
                (rs, n) -> new RetentionCandidate(
                        rs.getObject("id", UUID.class),
                        rs.getString("client_code"),
                        RetentionRule.valueOf(rs.getString("rule")),
                        rs.getDate("due_on").toLocalDate(),
                        rs.getDate("found_on").toLocalDate()));
        policy.recordListed(
                "retention-reviews",
                rows.stream().map(RetentionCandidate::clientCode).toList());
        return rows;
    }

    /**
     * Approves the anonymisation of a record past its date and carries it out at once, in this transaction:
     * audited as approved and as anonymised. Refused without a fresh re-authentication, outside need-to-know,
     * and while a legal hold is in force.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public void approve(UUID reviewId) {
        var review = jdbc.query(
                "select client_id, client_code, rule, status from retention_review where id = :id",
                Map.of("id", reviewId),
                (rs, n) -> new Object[] {
                    rs.getObject("client_id", UUID.class),
                    rs.getString("client_code"),
                    rs.getString("rule"),
                    rs.getString("status")
                });
        if (review.isEmpty()) {
            throw policy.refuseMissing("retention-review", reviewId.toString());
        }
        var clientId = new ClientId((UUID) review.getFirst()[0]);
        var access = policy.requireChange(clientId, "retention-review", reviewId.toString());
        reAuthentication.requireFreshConfirmation();
        if (!"PENDING".equals(review.getFirst()[3])) {
            throw new InvalidFields("review", "This record has already been decided.");
        }
        if (isHeld(clientId)) {
            throw new InvalidFields(
                    "review",
                    "A legal hold is in force for " + access.code()
                            + ": release it first if the record may now be anonymised.");
        }
        jdbc.update(
                "update retention_review set status = 'ANONYMISED', decided_by = :by, decided_at = :at, "
                        + "version = version + 1 where id = :id",
                Map.of(
                        "by",
                        currentUser.require().accountId(),
                        "at",
                        java.sql.Timestamp.from(clock.instant()),
                        "id",
                        reviewId));
        audit.record(AuditEvent.of(AuditAction.RETENTION_APPROVED, "retention-review", reviewId.toString())
                .forClient(access.code())
                .because((String) review.getFirst()[2]));
        anonymiser.anonymise(clientId, access.code(), "retention " + review.getFirst()[2]);
    }

    /** Places a legal hold on a client: retention stops until it is released. The reason is sealed and audited. */
    @RolesAllowed(Roles.SUPERVISOR)
    public UUID placeHold(String code, String reason) {
        var why = Text.required(
                "reason", reason, Text.REASON, "Say why the record must be kept (a court case, an inquiry).");
        var access = policy.requireChange(code, "legal-hold");
        if (isHeld(access.id())) {
            throw new InvalidFields("code", access.code() + " is already under a legal hold.");
        }
        var id = UUID.randomUUID();
        jdbc.update(
                "insert into legal_hold (id, client_id, reason, placed_by, placed_at) values (:id, :client, :reason, "
                        + ":by, :at)",
                Map.of(
                        "id",
                        id,
                        "client",
                        access.id().value(),
                        "reason",
                        encryption.seal(why, DataProtectionColumns.HOLD_REASON.forRow(id)),
                        "by",
                        currentUser.require().accountId(),
                        "at",
                        java.sql.Timestamp.from(clock.instant())));
        // A record waiting for approval is taken off the list; the daily job lists it again after the release.
        jdbc.update(
                "update retention_review set status = 'HELD', version = version + 1 where client_id = :client "
                        + "and status = 'PENDING'",
                Map.of("client", access.id().value()));
        audit.record(AuditEvent.of(AuditAction.LEGAL_HOLD_PLACED, "legal-hold", id.toString())
                .forClient(access.code()));
        return id;
    }

    /** Releases a legal hold, with a reason (sealed); audited. */
    @RolesAllowed(Roles.SUPERVISOR)
    public void releaseHold(UUID holdId, String reason) {
        var why = Text.required("reason", reason, Text.REASON, "Say why the hold is no longer needed.");
        var clients = jdbc.queryForList(
                "select client_id from legal_hold where id = :id and released_at is null",
                Map.of("id", holdId),
                UUID.class);
        if (clients.isEmpty()) {
            throw policy.refuseMissing("legal-hold", holdId.toString());
        }
        var access = policy.requireChange(new ClientId(clients.getFirst()), "legal-hold", holdId.toString());
        jdbc.update(
                "update legal_hold set released_by = :by, released_at = :at, release_reason = :reason, "
                        + "version = version + 1 where id = :id",
                Map.of(
                        "by",
                        currentUser.require().accountId(),
                        "at",
                        java.sql.Timestamp.from(clock.instant()),
                        "id",
                        holdId,
                        "reason",
                        encryption.seal(why, DataProtectionColumns.HOLD_RELEASE_REASON.forRow(holdId))));
        audit.record(AuditEvent.of(AuditAction.LEGAL_HOLD_RELEASED, "legal-hold", holdId.toString())
                .forClient(access.code()));
    }

    /** The legal holds in force on clients of the supervisor's teams, with their reasons (audited as viewed). */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<LegalHoldRow> holds() {
        var scope = policy.teamClientsSql("c");
        var rows = jdbc.query(
                "select h.id, c.code, h.reason, h.placed_by, h.placed_at from legal_hold h "
                        + "join client c on c.id = h.client_id where h.released_at is null and " + scope.condition()
                        + " order by h.placed_at",
                scope.parameters(),
                (rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getString("code"),
                    rs.getBytes("reason"),
                    rs.getLong("placed_by"),
                    rs.getTimestamp("placed_at").toInstant()
                });
        var names = staff.displayNames(rows.stream().map(r -> (Long) r[3]).toList());
        policy.recordListed("legal-holds", rows.stream().map(r -> (String) r[1]).toList());
        return rows.stream()
                .map(r -> new LegalHoldRow(
                        (UUID) r[0],
                        (String) r[1],
                        String.valueOf(
                                encryption.open((byte[]) r[2], DataProtectionColumns.HOLD_REASON.forRow((UUID) r[0]))),
                        names.getOrDefault((Long) r[3], "?"),
                        (java.time.Instant) r[4]))
                .toList();
    }

    private boolean isHeld(ClientId client) {
        var count = jdbc.queryForObject(
                "select count(*) from legal_hold where client_id = :client and released_at is null",
                Map.of("client", client.value()),
                Long.class);
        return count != null && count > 0;
    }
}
