package org.casebook.dataprotection;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientId;
import org.casebook.client.ClientRecords;
import org.casebook.client.PersonalDetail;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.CurrentUser;
import org.casebook.security.ReAuthentication;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request log (subject access, erasure, rectification) with each request's due date, one month from
 * receipt; rectification, which keeps the old value in the record's history; and erasure decisions, kept with
 * their reason. Supervisors only, for the clients of their teams ({@link CaseAccessPolicy}); erasing asks for a
 * fresh re-authentication and is refused under a legal hold.
 */
@Service
@Transactional
@RolesAllowed(Roles.SUPERVISOR)
public class DataRequestService {

    private final CaseAccessPolicy policy;
    private final ClientRecords records;
    private final Anonymiser anonymiser;
    private final ReAuthentication reAuthentication;
    private final NamedParameterJdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    DataRequestService(
            CaseAccessPolicy policy,
            ClientRecords records,
            Anonymiser anonymiser,
            ReAuthentication reAuthentication,
            NamedParameterJdbcTemplate jdbc,
            FieldEncryption encryption,
            StaffDirectory staff,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock,
            CharityClock charity) {
        this.policy = policy;
        this.records = records;
        this.anonymiser = anonymiser;
        this.reAuthentication = reAuthentication;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.staff = staff;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /** The answer is due one calendar month after the request was received (UK GDPR Article 12(3)). */
    public static LocalDate dueDate(LocalDate receivedOn) {
        return receivedOn.plusMonths(1);
    }

    /** Logs a request received for a client of the supervisor's team; returns its id. */
    public UUID log(String code, @Nullable RequestKind kind, @Nullable LocalDate receivedOn) {
        if (kind == null) {
            throw new InvalidFields("kind", "Choose what the person asks for.");
        }
        if (receivedOn == null) {
            throw new InvalidFields("receivedOn", "Enter the date the request was received.");
        }
        DateRange.RECENT_PAST.check("receivedOn", receivedOn, charity.today());
        var access = requireClient(code);
        var id = UUID.randomUUID();
        var values = new java.util.HashMap<String, Object>(Map.of(
                "id",
                id,
                "client",
                access.id().value(),
                "code",
                access.code(),
                "kind",
                kind.name(),
                "received",
                receivedOn,
                "due",
                dueDate(receivedOn),
                "by",
                currentUser.require().accountId(),
                "at",
                java.sql.Timestamp.from(clock.instant())));
        values.put("team", access.teamId());
        jdbc.update("""
                insert into data_request (id, client_id, client_code, team_id, kind, received_on, due_on, status,
                    created_by, created_at)
                values (:id, :client, :code, :team, :kind, :received, :due, 'OPEN', :by, :at)""", values);
        audit.record(AuditEvent.of(AuditAction.DATA_REQUEST, "data-request", id.toString())
                .forClient(access.code())
                .because(kind.name() + " received " + receivedOn));
        return id;
    }

    /** The open requests of the supervisor's teams, soonest due first (audited as a list of codes). */
    public List<DataRequestRow> open() {
        var scope = policy.teamClientsSql("c");
        var rows = jdbc.query(
                "select r.* from data_request r join client c on c.id = r.client_id " + "where r.status = 'OPEN' and "
                        + scope.condition() + " order by r.due_on, r.received_on",
                scope.parameters(),
                (rs, n) -> row(rs, null));
        policy.recordListed(
                "data-requests", rows.stream().map(DataRequestRow::clientCode).toList());
        return rows;
    }

    /** Every request for one client, newest first, with the reasons of decisions. */
    public List<DataRequestRow> forClient(String code) {
        var access = requireClient(code);
        audit.record(
                AuditEvent.of(AuditAction.VIEW, "data-requests", access.code()).forClient(access.code()));
        return jdbc.query(
                "select * from data_request where client_id = :client order by received_on desc",
                Map.of("client", access.id().value()),
                (rs, n) -> row(rs, rs.getBytes("decision_reason")));
    }

    /** One request, after the same checks. */
    public DataRequestRow request(UUID requestId) {
        var request = load(requestId);
        requireClient(request);
        return request;
    }

    /**
     * Decides an erasure request, with the reason kept. Erasing anonymises the record at once (as retention
     * does) and needs a fresh re-authentication; it is refused under a legal hold. Refusing (for example because
     * the retention period runs and an exemption applies) keeps everything.
     */
    public void decideErasure(UUID requestId, boolean erase, String reason) {
        var why = Text.required(
                "reason",
                reason,
                Text.REASON,
                erase
                        ? "Say why the record may be erased."
                        : "Say which exemption applies or why the request is refused.");
        var request = load(requestId);
        var access = requireClient(request);
        if (request.kind() != RequestKind.ERASURE || request.done()) {
            throw new InvalidFields("request", "This is not an open erasure request.");
        }
        if (erase) {
            reAuthentication.requireFreshConfirmation();
            var held = jdbc.queryForObject(
                    "select count(*) from legal_hold where client_id = :client and released_at is null",
                    Map.of("client", access.id().value()),
                    Long.class);
            if (held != null && held > 0) {
                throw new InvalidFields("request", "A legal hold is in force: the record cannot be erased now.");
            }
            anonymiser.anonymise(access.id(), access.code(), "erasure request " + requestId);
        }
        // Written after anonymisation, which blanks this module's reasons too: the decision's reason is kept.
        finish(
                requestId,
                erase ? "ERASED" : "REFUSED",
                encryption.seal(why, DataProtectionColumns.DECISION_REASON.forRow(requestId)));
        audit.record(AuditEvent.of(AuditAction.DATA_REQUEST, "data-request", requestId.toString())
                .forClient(access.code())
                .because(erase ? "erasure decided: erased" : "erasure decided: refused"));
    }

    /**
     * Corrects one personal detail under a rectification request; the old value is kept (sealed) in the
     * record's rectification history with the reason.
     */
    public void rectify(UUID requestId, @Nullable PersonalDetail detail, @Nullable String value, String reason) {
        if (detail == null) {
            throw new InvalidFields("detail", "Choose the detail to correct.");
        }
        var why = Text.required("reason", reason, Text.REASON, "Say what the person asked to have corrected.");
        var clean = switch (detail) {
            case PREFERRED_NAME -> Text.required("value", value, Text.NAME, "A client needs a preferred name.");
            case YEAR_OF_BIRTH -> yearOfBirth(value);
            case POSTCODE_DISTRICT -> postcodeDistrict(value);
            case EMAIL, PHONE -> Text.check("value", value, Text.LINE);
            case POSTAL_ADDRESS -> Text.check("value", value, Text.REASON);
        };
        var request = load(requestId);
        var access = requireClient(request);
        if (request.kind() != RequestKind.RECTIFICATION || request.done()) {
            throw new InvalidFields("request", "This is not an open rectification request.");
        }
        var old = records.rectify(access.id(), detail, clean);
        var id = UUID.randomUUID();
        var values = new java.util.HashMap<String, Object>(Map.of(
                "id",
                id,
                "client",
                access.id().value(),
                "request",
                requestId,
                "detail",
                detail.name(),
                "reason",
                encryption.seal(why, DataProtectionColumns.RECTIFICATION_REASON.forRow(id)),
                "by",
                currentUser.require().accountId(),
                "at",
                java.sql.Timestamp.from(clock.instant())));
        values.put("old", encryption.seal(old, DataProtectionColumns.OLD_VALUE.forRow(id)));
        jdbc.update("""
                insert into rectification (id, client_id, request_id, detail, old_value, reason, corrected_by, corrected_at)
                values (:id, :client, :request, :detail, :old, :reason, :by, :at)""", values);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "rectification", id.toString())
                .forClient(access.code())
                .because(detail.name()));
    }

    /** Marks a rectification request done once every correction is made. */
    public void completeRectification(UUID requestId) {
        var request = load(requestId);
        var access = requireClient(request);
        if (request.kind() != RequestKind.RECTIFICATION || request.done()) {
            throw new InvalidFields("request", "This is not an open rectification request.");
        }
        finish(requestId, "CORRECTED", null);
        audit.record(AuditEvent.of(AuditAction.DATA_REQUEST, "data-request", requestId.toString())
                .forClient(access.code())
                .because("rectification done"));
    }

    /** The record's rectification history: each corrected detail with the value it replaced, newest first. */
    public List<RectificationRow> rectifications(String code) {
        var access = requireClient(code);
        audit.record(AuditEvent.of(AuditAction.VIEW, "rectification-history", access.code())
                .forClient(access.code()));
        var rows = jdbc.query(
                "select * from rectification where client_id = :client order by corrected_at desc",
                Map.of("client", access.id().value()),
                (rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getString("detail"),
                    rs.getBytes("old_value"),
                    rs.getBytes("reason"),
                    rs.getLong("corrected_by"),
                    rs.getTimestamp("corrected_at").toInstant()
                });
        var names = staff.displayNames(rows.stream().map(r -> (Long) r[4]).toList());
        return rows.stream()
                .map(r -> {
                    var id = (UUID) r[0];
                    return new RectificationRow(
                            PersonalDetail.valueOf((String) r[1]),
                            open((byte[]) r[2], DataProtectionColumns.OLD_VALUE.forRow(id)),
                            String.valueOf(open((byte[]) r[3], DataProtectionColumns.RECTIFICATION_REASON.forRow(id))),
                            names.getOrDefault((Long) r[4], "?"),
                            (java.time.Instant) r[5]);
                })
                .toList();
    }

    void finish(UUID requestId, String decision, byte @Nullable [] reason) {
        var values = new java.util.HashMap<String, Object>(
                Map.of("id", requestId, "decision", decision, "on", charity.today()));
        values.put("reason", reason);
        jdbc.update(
                "update data_request set status = 'DONE', decision = :decision, decision_reason = :reason, "
                        + "completed_on = :on, version = version + 1 where id = :id",
                values);
    }

    DataRequestRow load(UUID requestId) {
        var rows = jdbc.query(
                "select * from data_request where id = :id",
                Map.of("id", requestId),
                (rs, n) -> row(rs, rs.getBytes("decision_reason")));
        if (rows.isEmpty()) {
            throw policy.refuseMissing("data-request", requestId.toString());
        }
        return rows.getFirst();
    }

    ClientAccess requireClient(DataRequestRow request) {
        var clientId = jdbc.queryForObject(
                "select client_id from data_request where id = :id", Map.of("id", request.id()), UUID.class);
        return policy.requireChange(
                new ClientId(clientId), "data-request", request.id().toString());
    }

    private ClientAccess requireClient(String code) {
        return policy.requireChange(code, "data-request");
    }

    private DataRequestRow row(java.sql.ResultSet rs, byte @Nullable [] reason) throws java.sql.SQLException {
        var id = rs.getObject("id", UUID.class);
        var completed = rs.getDate("completed_on");
        return new DataRequestRow(
                id,
                rs.getString("client_code"),
                RequestKind.valueOf(rs.getString("kind")),
                rs.getDate("received_on").toLocalDate(),
                rs.getDate("due_on").toLocalDate(),
                "DONE".equals(rs.getString("status")),
                rs.getString("decision"),
                open(reason, DataProtectionColumns.DECISION_REASON.forRow(id)),
                completed == null ? null : completed.toLocalDate());
    }

    private @Nullable String open(byte @Nullable [] sealed, org.casebook.encryption.FieldContext context) {
        return sealed == null || sealed.length == 0 ? null : encryption.open(sealed, context);
    }

    private @Nullable String yearOfBirth(@Nullable String value) {
        var clean = Text.clean(value);
        if (clean == null) {
            return null;
        }
        int year;
        try {
            year = Integer.parseInt(clean);
        } catch (NumberFormatException e) {
            throw new InvalidFields("value", "Enter a year such as 1984.");
        }
        var problem = DateRange.yearOfBirthProblem(year, charity.today());
        if (problem != null) {
            throw new InvalidFields("value", problem);
        }
        return clean;
    }

    private static @Nullable String postcodeDistrict(@Nullable String value) {
        var clean = Text.check("value", value, 8);
        if (clean != null && !clean.matches("(?i)[A-Z]{1,2}[0-9][0-9A-Z]?")) {
            throw new InvalidFields("value", "Enter the first half of a postcode, such as LS6.");
        }
        return clean;
    }
}
