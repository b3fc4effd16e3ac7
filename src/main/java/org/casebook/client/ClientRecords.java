package org.casebook.client;

import java.time.Clock;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.CurrentUser;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the client record for other modules' services (intake, triage, assignment, the first
 * session), inside their transactions. It checks no roles: the calling service has already checked the
 * person's role and need-to-know ({@link CaseAccessPolicy#requireChange} for an existing client). It enforces
 * the life of a case and audits every change itself, so no caller can forget to. Its reads serve those
 * services' own checks; what they show passes through {@link CaseAccessPolicy} (the architecture test's
 * allow-list says so).
 */
@Component
public class ClientRecords {

    /** Audit entries about a case's status or counsellor name the history entry that holds the reason. */
    static final String HISTORY_RECORD = "client-history";

    private final ClientRepository clients;
    private final ClientExclusionRepository exclusions;
    private final FieldEncryption encryption;
    private final ClientHistoryRepository history;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    ClientRecords(
            ClientRepository clients,
            ClientExclusionRepository exclusions,
            ClientHistoryRepository history,
            CurrentUser currentUser,
            FieldEncryption encryption,
            AuditLog audit,
            Clock clock,
            CharityClock charity) {
        this.clients = clients;
        this.exclusions = exclusions;
        this.history = history;
        this.currentUser = currentUser;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /** Records a new client, status received, with a fresh client code. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CreatedClient create(NewClient details) {
        var id = UUID.randomUUID();
        var name = encryption.sealText(details.preferredName(), ClientColumns.PREFERRED_NAME, id);
        if (name == null) {
            throw new IllegalArgumentException("A client needs a preferred name");
        }
        var client = new Client(id, freshCode(), details.receivedOn(), name, details.teamId(), clock.instant());
        client.identify(name, details.yearOfBirth(), tidyPostcode(details.postcodeDistrict()));
        setContact(client, details.contact());
        clients.save(client);
        remember(client, ClientHistoryEntry.Kind.CREATED, null);
        audit.record(AuditEvent.of(AuditAction.CREATE, "client", client.code()).forClient(client.code()));
        return new CreatedClient(client.clientId(), client.code());
    }

    /** Replaces how the client may be contacted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updateContact(ClientId id, SafeContact contact) {
        var client = load(id);
        setContact(client, contact);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "client-contact", client.code())
                .forClient(client.code()));
    }

    /**
     * Sets which channels the client allows, keeping the numbers and addresses. A channel is allowed only
     * with somewhere to send it.
     *
     * @throws org.casebook.validation.InvalidFields naming the channel that has no number or address
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setChannels(ClientId id, boolean voicemailOk, boolean textOk, boolean letterOk, boolean emailOk) {
        var client = load(id);
        var errors = new java.util.LinkedHashMap<String, String>();
        if ((voicemailOk || textOk) && client.phone() == null) {
            errors.put(voicemailOk ? "voicemailOk" : "textOk", "There is no phone number on file for this.");
        }
        if (letterOk && client.postalAddress() == null) {
            errors.put("letterOk", "There is no postal address on file for this.");
        }
        if (emailOk && client.email() == null) {
            errors.put("emailOk", "There is no email address on file for this.");
        }
        if (!errors.isEmpty()) {
            throw new org.casebook.validation.InvalidFields(errors);
        }
        client.contactBy(
                client.phone(),
                client.email(),
                client.postalAddress(),
                voicemailOk,
                textOk,
                letterOk,
                emailOk,
                client.bestTimes(),
                client.contactNotes());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "client-contact", client.code())
                .forClient(client.code())
                .because("safe channels changed"));
    }

    /**
     * The client's safe-contact instructions, opened for the appointment-reminder job inside its own
     * transaction (no one is signed in there: the job sends only what those instructions allow, and shows
     * nothing to anyone). Never for display: screens go through {@link ClientService#open}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SafeContact contactForReminder(ClientId id) {
        var client = load(id);
        var cid = client.id();
        return new SafeContact(
                encryption.open(client.phone(), ClientColumns.PHONE.forRow(cid)),
                encryption.open(client.email(), ClientColumns.EMAIL.forRow(cid)),
                encryption.open(client.postalAddress(), ClientColumns.POSTAL_ADDRESS.forRow(cid)),
                client.voicemailOk(),
                client.textOk(),
                client.letterOk(),
                client.emailOk(),
                null,
                null);
    }

    /**
     * Moves the case to another status (not to assigned or closed, which have their own methods).
     *
     * @throws IllegalCaseTransition when the life of a case does not allow the move
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moveTo(ClientId id, CaseStatus next, @Nullable String reason) {
        var client = load(id);
        requireMove(client, next);
        client.moveTo(next);
        recordMove(client, next, remember(client, ClientHistoryEntry.Kind.STATUS, reason));
    }

    /** Puts a triaged case on the waiting list with a priority (1 most urgent). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addToWaitingList(ClientId id, int priority) {
        var client = load(id);
        requireMove(client, CaseStatus.WAITING);
        client.moveTo(CaseStatus.WAITING);
        client.prioritise(priority);
        recordMove(
                client, CaseStatus.WAITING, remember(client, ClientHistoryEntry.Kind.STATUS, "priority " + priority));
    }

    /**
     * Assigns a waiting case to a counsellor (it becomes assigned), or reassigns an assigned or active one
     * (its status stays). The caller has checked that the counsellor is allowed and not excluded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assign(ClientId id, long counsellorId, @Nullable Long teamId, String reason) {
        var client = load(id);
        boolean reassignment = client.status() == CaseStatus.ASSIGNED || client.status() == CaseStatus.ACTIVE;
        if (!reassignment) {
            requireMove(client, CaseStatus.ASSIGNED);
            client.moveTo(CaseStatus.ASSIGNED);
        }
        client.assignTo(counsellorId, teamId);
        // The reason is kept sealed in the case history; the audit entry names that history entry.
        var entryId = remember(
                client, reassignment ? ClientHistoryEntry.Kind.REASSIGNED : ClientHistoryEntry.Kind.ASSIGNED, reason);
        audit.record(AuditEvent.of(
                        reassignment ? AuditAction.REASSIGN : AuditAction.ASSIGN, HISTORY_RECORD, entryId.toString())
                .forClient(client.code())
                .because("to staff #" + counsellorId));
    }

    /** Closes a case with a reason (a short category) and a closing summary (sealed). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void close(ClientId id, String reason, String summary) {
        var client = load(id);
        requireMove(client, CaseStatus.CLOSED);
        client.close(charity.today(), reason, encryption.sealText(summary, ClientColumns.CLOSING_SUMMARY, client.id()));
        recordMove(client, CaseStatus.CLOSED, remember(client, ClientHistoryEntry.Kind.CLOSED, reason));
    }

    /**
     * Excludes a member of staff from a client for good (a conflict of interest). If the client is
     * assigned to them, the caller must reassign first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void exclude(ClientId id, long staffId, String reason, long excludedBy) {
        var client = load(id);
        if (Long.valueOf(staffId).equals(client.counsellorId())) {
            throw new IllegalStateException("Reassign client " + client.code() + " before excluding their counsellor.");
        }
        if (exclusions.existsByClientIdAndStaffId(client.id(), staffId)) {
            return;
        }
        var exclusionId = UUID.randomUUID();
        var sealed = encryption.sealText(reason, ClientColumns.EXCLUSION_REASON, exclusionId);
        if (sealed == null) {
            throw new InvalidFields("reason", "Say why this person is excluded.");
        }
        exclusions.save(new ClientExclusion(exclusionId, client.id(), staffId, sealed, excludedBy, clock.instant()));
        remember(client, ClientHistoryEntry.Kind.EXCLUSION, null);
        audit.record(AuditEvent.of(AuditAction.EXCLUSION_ADDED, "client", client.code())
                .forClient(client.code())
                .because("staff #" + staffId));
    }

    /**
     * Corrects one personal detail (rectification) and returns the value it replaced, for the caller to keep in
     * the record's history; audited here without either value.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public @Nullable String rectify(ClientId id, PersonalDetail detail, @Nullable String value) {
        var client = load(id);
        var clean = value == null || value.isBlank() ? null : value.strip();
        var cid = client.id();
        String old;
        switch (detail) {
            case PREFERRED_NAME -> {
                old = encryption.open(client.preferredName(), ClientColumns.PREFERRED_NAME.forRow(cid));
                var sealed = encryption.sealText(clean, ClientColumns.PREFERRED_NAME, cid);
                if (sealed == null) {
                    throw new IllegalArgumentException("A client needs a preferred name");
                }
                client.identify(sealed, client.yearOfBirth(), client.postcodeDistrict());
            }
            case YEAR_OF_BIRTH -> {
                old = client.yearOfBirth() == null ? null : client.yearOfBirth().toString();
                client.identify(
                        client.preferredName(),
                        clean == null ? null : Integer.valueOf(clean),
                        client.postcodeDistrict());
            }
            case POSTCODE_DISTRICT -> {
                old = client.postcodeDistrict();
                client.identify(client.preferredName(), client.yearOfBirth(), tidyPostcode(clean));
            }
            case PHONE, EMAIL, POSTAL_ADDRESS -> {
                var contact = new SafeContact(
                        encryption.open(client.phone(), ClientColumns.PHONE.forRow(cid)),
                        encryption.open(client.email(), ClientColumns.EMAIL.forRow(cid)),
                        encryption.open(client.postalAddress(), ClientColumns.POSTAL_ADDRESS.forRow(cid)),
                        client.voicemailOk(),
                        client.textOk(),
                        client.letterOk(),
                        client.emailOk(),
                        encryption.open(client.bestTimes(), ClientColumns.BEST_TIMES.forRow(cid)),
                        encryption.open(client.contactNotes(), ClientColumns.CONTACT_NOTES.forRow(cid)));
                old = switch (detail) {
                    case PHONE -> contact.phone();
                    case EMAIL -> contact.email();
                    default -> contact.postalAddress();
                };
                setContact(
                        client,
                        new SafeContact(
                                detail == PersonalDetail.PHONE ? clean : contact.phone(),
                                detail == PersonalDetail.EMAIL ? clean : contact.email(),
                                detail == PersonalDetail.POSTAL_ADDRESS ? clean : contact.postalAddress(),
                                contact.voicemailOk(),
                                contact.textOk(),
                                contact.letterOk(),
                                contact.emailOk(),
                                contact.bestTimes(),
                                contact.notes()));
            }
            default -> throw new IllegalArgumentException(detail.name());
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "client-rectification", client.code())
                .forClient(client.code())
                .because(detail.name()));
        return old;
    }

    /** The open cases assigned to this counsellor, oldest referral first (for seeding and summaries). */
    @Transactional(readOnly = true)
    public java.util.List<ClientAccess> openCasesOf(long counsellorId) {
        return clients.findByCounsellorIdAndStatusNotOrderByReceivedOn(counsellorId, CaseStatus.CLOSED).stream()
                .map(c -> new ClientAccess(
                        c.clientId(), c.code(), AccessBasis.ASSIGNED, c.status(), c.counsellorId(), c.teamId()))
                .toList();
    }

    /**
     * The cases of these teams in these statuses, most urgent first (priority 1 before 3, then the oldest
     * referral), at most 500. The caller has checked that the person leads these teams.
     */
    @Transactional(readOnly = true)
    public java.util.List<TeamCase> teamCases(
            java.util.Collection<Long> teamIds, java.util.Collection<CaseStatus> statuses) {
        if (teamIds.isEmpty() || statuses.isEmpty()) {
            return java.util.List.of();
        }
        return clients.findTeamCases(teamIds, statuses, org.springframework.data.domain.PageRequest.of(0, 500)).stream()
                .map(c -> new TeamCase(
                        c.clientId(), c.code(), c.status(), c.priority(), c.receivedOn(), c.teamId(), c.counsellorId()))
                .toList();
    }

    /**
     * A page of the teams' cases in these statuses (by priority, then date received), leaving out those the
     * member of staff is excluded from, with {@link #countTeamCases} for the total. The caller has checked that
     * the person leads these teams.
     */
    @Transactional(readOnly = true)
    public java.util.List<TeamCase> teamCases(
            java.util.Collection<Long> teamIds,
            java.util.Collection<CaseStatus> statuses,
            long staffId,
            org.springframework.data.domain.Pageable page) {
        if (teamIds.isEmpty() || statuses.isEmpty()) {
            return java.util.List.of();
        }
        return clients.findTeamCasesFor(teamIds, statuses, staffId, page).stream()
                .map(c -> new TeamCase(
                        c.clientId(), c.code(), c.status(), c.priority(), c.receivedOn(), c.teamId(), c.counsellorId()))
                .toList();
    }

    @Transactional(readOnly = true)
    public long countTeamCases(
            java.util.Collection<Long> teamIds, java.util.Collection<CaseStatus> statuses, long staffId) {
        return teamIds.isEmpty() || statuses.isEmpty() ? 0 : clients.countTeamCasesFor(teamIds, statuses, staffId);
    }

    /**
     * Where one case stands, for the calling service's own checks. Not a grant to show it: anything shown to
     * a person passes through {@link CaseAccessPolicy} first (its {@code require}, {@code visibleOnly} or
     * {@code allowedAmong}).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<TeamCase> teamCase(ClientId id) {
        return clients.findById(id.value())
                .map(c -> new TeamCase(
                        c.clientId(),
                        c.code(),
                        c.status(),
                        c.priority(),
                        c.receivedOn(),
                        c.teamId(),
                        c.counsellorId()));
    }

    /** How many open cases each of these counsellors holds (counted in the database); absent means none. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> openCaseloadSizes(java.util.Collection<Long> counsellorIds) {
        if (counsellorIds.isEmpty()) {
            return java.util.Map.of();
        }
        var sizes = new java.util.HashMap<Long, Long>();
        for (Object[] row : clients.countOpenByCounsellor(counsellorIds, CaseStatus.CLOSED)) {
            sizes.put((Long) row[0], (Long) row[1]);
        }
        return sizes;
    }

    /** How many clients wait in each of these teams (counted in the database); absent means none. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> waitingPerTeam(java.util.Collection<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return java.util.Map.of();
        }
        var counts = new java.util.HashMap<Long, Long>();
        for (Object[] row : clients.countByTeamInStatus(teamIds, CaseStatus.WAITING)) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The members of staff excluded from this client. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> excludedStaff(ClientId id) {
        return exclusions.findByClientIdOrderByCreatedAt(id.value()).stream()
                .map(ClientExclusion::staffId)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Adds to the case history, with the reason sealed; returns the entry's id for the audit log. */
    private UUID remember(Client client, ClientHistoryEntry.Kind kind, @Nullable String reason) {
        var entryId = UUID.randomUUID();
        var entry = new ClientHistoryEntry(
                entryId,
                client.id(),
                clock.instant(),
                kind,
                client.status(),
                client.counsellorId(),
                currentUser
                        .get()
                        .map(org.casebook.security.StaffUser::accountId)
                        .orElse(null));
        entry.because(encryption.sealText(reason, ClientColumns.HISTORY_REASON, entryId));
        history.save(entry);
        return entryId;
    }

    private Client load(ClientId id) {
        return clients.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("no client " + id));
    }

    private static void requireMove(Client client, CaseStatus next) {
        if (!client.status().canMoveTo(next)) {
            throw new IllegalCaseTransition(client.code(), client.status(), next);
        }
    }

    private void recordMove(Client client, CaseStatus next, UUID historyEntry) {
        audit.record(AuditEvent.of(AuditAction.STATUS_CHANGED, HISTORY_RECORD, historyEntry.toString())
                .forClient(client.code())
                .because("to " + next.name()));
    }

    private void setContact(Client client, SafeContact contact) {
        var id = client.id();
        client.contactBy(
                encryption.sealText(contact.phone(), ClientColumns.PHONE, id),
                encryption.sealText(contact.email(), ClientColumns.EMAIL, id),
                encryption.sealText(contact.postalAddress(), ClientColumns.POSTAL_ADDRESS, id),
                contact.voicemailOk(),
                contact.textOk(),
                contact.letterOk(),
                contact.emailOk(),
                encryption.sealText(contact.bestTimes(), ClientColumns.BEST_TIMES, id),
                encryption.sealText(contact.notes(), ClientColumns.CONTACT_NOTES, id));
    }

    private static @Nullable String tidyPostcode(@Nullable String district) {
        return district == null || district.isBlank() ? null : district.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private String freshCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            var code = ClientCode.next();
            if (!clients.existsByCode(code)) {
                return code;
            }
        }
        throw new DataIntegrityViolationException("could not find an unused client code");
    }
}
