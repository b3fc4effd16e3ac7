package org.casebook.supervision;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientCode;
import org.casebook.client.ClientRecords;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.CurrentUser;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffMember;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinical supervision records. A supervisor writes them about a counsellor of a team they lead, naming
 * only that counsellor's clients; each record is visible to its supervisor and its counsellor and to no
 * one else (not another supervisor, not an administrator). The text is sealed; every view and change is
 * audited, once per client discussed.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class SupervisionRecords {

    static final int MAX_DISCUSSION = Text.LONG;
    static final int MAX_ACTIONS = Text.SECTION;
    static final int MAX_LIST = 500;
    static final String NOT_YOURS = "This supervision record is not yours to see, or there is no such record.";

    private final SupervisionRecordRepository records;
    private final CaseAccessPolicy policy;
    private final ClientRecords clients;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final FieldEncryption encryption;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    SupervisionRecords(
            SupervisionRecordRepository records,
            CaseAccessPolicy policy,
            ClientRecords clients,
            StaffDirectory staff,
            CurrentUser currentUser,
            FieldEncryption encryption,
            AuditLog audit,
            Clock clock,
            CharityClock charity) {
        this.records = records;
        this.policy = policy;
        this.clients = clients;
        this.staff = staff;
        this.currentUser = currentUser;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /** The records the signed-in person wrote or was supervised in, newest first (at most 500). */
    @Transactional(readOnly = true)
    public List<SupervisionRecordSummary> mine() {
        var found = records.findInvolving(currentUser.require().accountId(), PageRequest.of(0, MAX_LIST));
        var names = names(found);
        return found.stream()
                .map(r -> new SupervisionRecordSummary(
                        r.id(), r.heldOn(), name(names, r.supervisorId()), name(names, r.counsellorId()), codes(r)))
                .toList();
    }

    /** Opens a record for its supervisor or its counsellor; anyone else is refused (audited). */
    public SupervisionRecordDetails open(UUID id) {
        var record = visible(id, AuditAction.VIEW);
        recordEach(AuditAction.VIEW, record);
        return details(record);
    }

    /** The counsellors of the teams the signed-in supervisor leads: whom they may write records about. */
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional(readOnly = true)
    public List<StaffMember> counsellors() {
        return staff.activeCounsellorsIn(policy.scope().teamsLed());
    }

    /** The codes of the open cases of a counsellor of the supervisor's team, for choosing clients discussed. */
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional(readOnly = true)
    public List<String> clientCodesOf(long counsellorId) {
        var teams = policy.scope().teamsLed();
        requireTeamCounsellor(counsellorId);
        var ofTeam = clients.openCasesOf(counsellorId).stream()
                .filter(c -> c.teamId() != null && teams.contains(c.teamId()))
                .toList();
        return policy.visibleOnly(ofTeam, ClientAccess::id).stream()
                .map(ClientAccess::code)
                .sorted()
                .toList();
    }

    /** Writes a new record. */
    @RolesAllowed(Roles.SUPERVISOR)
    public SupervisionRecordDetails create(SupervisionRecordDraft draft) {
        var me = currentUser.require().accountId();
        var record = new SupervisionRecord(UUID.randomUUID(), me, clock.instant());
        apply(record, draft, Set.of());
        records.saveAndFlush(record);
        recordEach(AuditAction.CREATE, record);
        return details(record);
    }

    /**
     * Changes a record its signed-in supervisor wrote.
     *
     * @param version the version the supervisor started from
     * @throws ObjectOptimisticLockingFailureException when it was changed meanwhile
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public SupervisionRecordDetails update(UUID id, long version, SupervisionRecordDraft draft) {
        var record = visible(id, AuditAction.UPDATE);
        if (record.supervisorId() != currentUser.require().accountId()) {
            throw refuse(id, AuditAction.UPDATE);
        }
        if (record.version() != version) {
            throw new ObjectOptimisticLockingFailureException(SupervisionRecord.class, id);
        }
        var earlier = record.clients().stream().map(DiscussedClient::clientCode).collect(Collectors.toSet());
        apply(
                record,
                draft,
                record.counsellorId() == Objects.requireNonNullElse(draft.counsellorId(), -1L) ? earlier : Set.of());
        records.saveAndFlush(record);
        recordEach(AuditAction.UPDATE, record);
        return details(record);
    }

    private void apply(SupervisionRecord record, SupervisionRecordDraft draft, Set<String> alreadyDiscussed) {
        var heldOn = draft.heldOn();
        if (heldOn == null) {
            throw new InvalidFields("heldOn", "Enter the date of the session.");
        }
        if (heldOn.isAfter(charity.today())) {
            throw new InvalidFields("heldOn", "Record a session once it has taken place: the date is in the future.");
        }
        var tooOld = DateRange.RECENT_PAST.problem(heldOn, charity.today());
        if (tooOld != null) {
            throw new InvalidFields("heldOn", tooOld);
        }
        var counsellorId = draft.counsellorId();
        if (counsellorId == null) {
            throw new InvalidFields("counsellor", "Choose the counsellor.");
        }
        var counsellor = requireTeamCounsellor(counsellorId);
        var discussion = java.util.Objects.requireNonNullElse(Text.clean(draft.discussion()), "");
        if (discussion.isEmpty()) {
            throw new InvalidFields("discussion", "Write what was discussed.");
        }
        if (discussion.length() > MAX_DISCUSSION) {
            throw new InvalidFields("discussion", "Keep the discussion to " + MAX_DISCUSSION + " characters.");
        }
        var actions = java.util.Objects.requireNonNullElse(Text.clean(draft.agreedActions()), "");
        if (actions.length() > MAX_ACTIONS) {
            throw new InvalidFields("agreedActions", "Keep the agreed actions to " + MAX_ACTIONS + " characters.");
        }
        var allowed = new HashSet<>(clientCodesOf(counsellorId));
        allowed.addAll(alreadyDiscussed);
        var discussed = new LinkedHashSet<DiscussedClient>();
        for (var typed : draft.clientCodes()) {
            var code = ClientCode.normalise(typed).orElse(typed.strip());
            if (!allowed.contains(code)) {
                throw new InvalidFields("clients", code + " is not an open case of " + counsellor.displayName() + ".");
            }
            var access = alreadyDiscussed.contains(code) ? null : policy.require(code);
            var clientId = access != null
                    ? access.id().value()
                    : record.clients().stream()
                            .filter(c -> c.clientCode().equals(code))
                            .findFirst()
                            .orElseThrow()
                            .clientId();
            discussed.add(new DiscussedClient(clientId, code));
        }
        var id = record.id();
        record.write(
                counsellorId,
                heldOn,
                discussed,
                Objects.requireNonNull(encryption.seal(discussion, SupervisionColumns.DISCUSSION.forRow(id))),
                actions.isEmpty() ? null : encryption.seal(actions, SupervisionColumns.AGREED_ACTIONS.forRow(id)),
                clock.instant());
    }

    private StaffMember requireTeamCounsellor(long counsellorId) {
        return counsellors().stream()
                .filter(c -> c.id() == counsellorId)
                .findFirst()
                .orElseThrow(() -> new InvalidFields("counsellor", "Choose a counsellor of your team."));
    }

    private SupervisionRecord visible(UUID id, AuditAction action) {
        var me = currentUser.require().accountId();
        return records.findById(id)
                .filter(r -> r.supervisorId() == me || r.counsellorId() == me)
                .orElseThrow(() -> refuse(id, action));
    }

    private AccessDeniedException refuse(UUID id, AuditAction action) {
        audit.recordRefusal(
                AuditEvent.of(action, "supervision-record", id.toString()).because("not theirs"));
        return new AccessDeniedException(NOT_YOURS);
    }

    private void recordEach(AuditAction action, SupervisionRecord record) {
        var codes = codes(record);
        if (codes.isEmpty()) {
            audit.record(AuditEvent.of(action, "supervision-record", record.id().toString()));
        }
        codes.forEach(code -> audit.record(
                AuditEvent.of(action, "supervision-record", record.id().toString())
                        .forClient(code)));
    }

    private SupervisionRecordDetails details(SupervisionRecord record) {
        var names = names(List.of(record));
        var id = record.id();
        return new SupervisionRecordDetails(
                id,
                record.version(),
                record.heldOn(),
                record.supervisorId(),
                name(names, record.supervisorId()),
                record.counsellorId(),
                name(names, record.counsellorId()),
                codes(record),
                Objects.requireNonNull(encryption.open(record.discussion(), SupervisionColumns.DISCUSSION.forRow(id))),
                encryption.open(record.agreedActions(), SupervisionColumns.AGREED_ACTIONS.forRow(id)),
                record.updatedAt(),
                record.supervisorId() == currentUser.require().accountId());
    }

    private Map<Long, String> names(List<SupervisionRecord> found) {
        var ids = new HashSet<Long>();
        found.forEach(r -> {
            ids.add(r.supervisorId());
            ids.add(r.counsellorId());
        });
        return staff.displayNames(ids);
    }

    private static String name(Map<Long, String> names, long id) {
        return names.getOrDefault(id, "staff #" + id);
    }

    private static List<String> codes(SupervisionRecord record) {
        return new ArrayList<>(record.clients().stream()
                .map(DiscussedClient::clientCode)
                .sorted()
                .toList());
    }
}
