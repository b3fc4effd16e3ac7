package org.casebook.client;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.ReAuthentication;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caseload, the client page and break-glass access, for counsellors and supervisors. */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ClientService {

    /** How long break-glass access lasts. */
    public static final Duration BREAK_GLASS_FOR = Duration.ofHours(1);

    static final int MIN_REASON = 10;
    static final int MAX_PAGE = 500;
    static final String REASON_NEEDED = "Say why you need to open this client (at least " + MIN_REASON
            + " characters). Your reason is recorded and reviewed by a supervisor.";

    private final ClientRepository clients;
    private final CaseAccessPolicy policy;
    private final BreakGlassGrantRepository breakGlass;
    private final FieldEncryption encryption;
    private final StaffDirectory staff;
    private final ReAuthentication reAuthentication;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<AppointmentFacts> appointments;
    private final ObjectProvider<RiskFacts> risks;
    private final ClientHistoryRepository history;
    private final java.util.List<CaseHistorySource> historySources;
    private final java.util.List<ClientAlertFacts> alerts;
    private final org.casebook.time.CharityClock charity;
    private final ObjectProvider<NoteToWrite> noteToWrite;
    private final ClientRecords records;

    ClientService(
            ClientRepository clients,
            CaseAccessPolicy policy,
            BreakGlassGrantRepository breakGlass,
            FieldEncryption encryption,
            StaffDirectory staff,
            ReAuthentication reAuthentication,
            AuditLog audit,
            Clock clock,
            ObjectProvider<AppointmentFacts> appointments,
            ObjectProvider<RiskFacts> risks,
            ClientHistoryRepository history,
            java.util.List<CaseHistorySource> historySources,
            java.util.List<ClientAlertFacts> alerts,
            org.casebook.time.CharityClock charity,
            ObjectProvider<NoteToWrite> noteToWrite,
            ClientRecords records) {
        this.records = records;
        this.historySources = historySources;
        this.noteToWrite = noteToWrite;
        this.charity = charity;
        this.history = history;
        this.alerts = alerts;
        this.clients = clients;
        this.policy = policy;
        this.breakGlass = breakGlass;
        this.encryption = encryption;
        this.staff = staff;
        this.reAuthentication = reAuthentication;
        this.audit = audit;
        this.clock = clock;
        this.appointments = appointments;
        this.risks = risks;
    }

    /** The caseload's sortable columns: the sort property a list may ask for, and the entity attribute it sorts by. */
    public static final Map<String, String> CASELOAD_SORTS =
            Map.of("code", "code", "status", "status", "receivedOn", "receivedOn");

    /**
     * The clients the signed-in person may see (assigned to them, or in a team they lead), newest first unless
     * the page asks for another order ({@link #CASELOAD_SORTS}; sorted in the database).
     *
     * <p>A search matches part of a client code, or part of the client's preferred name. Names are sealed, so
     * the name search opens the preferred names of only the clients this person may list anyway (the same
     * need-to-know rule, one query of ids and sealed names) and matches them here; a keyed blind index could
     * find only whole names and would tell the database which clients share one. Names are never shown in the
     * list: a match shows its code.
     *
     * @param search part of a client code or of a preferred name, or blank for all
     * @param includeClosed whether closed cases are listed too
     */
    public Slice<CaseloadRow> caseload(@Nullable String search, boolean includeClosed, Pageable page) {
        var scope = policy.scope();
        Set<CaseStatus> statuses =
                includeClosed ? EnumSet.allOf(CaseStatus.class) : EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED));
        int size = Math.min(page.getPageSize(), MAX_PAGE);
        var sort = org.springframework.data.domain.Sort.by(page.getSort().stream()
                .filter(order -> CASELOAD_SORTS.containsKey(order.getProperty()))
                .map(order -> new org.springframework.data.domain.Sort.Order(
                        order.getDirection(), CASELOAD_SORTS.get(order.getProperty())))
                .toList());
        sort = (sort.isUnsorted()
                        ? org.springframework.data.domain.Sort.by(
                                org.springframework.data.domain.Sort.Order.desc("receivedOn"))
                        : sort)
                .and(org.springframework.data.domain.Sort.by("code"));
        var bounded = PageRequest.of((int) (page.getOffset() / size), size, sort);
        Collection<java.util.UUID> named = namesMatching(search, scope.staffId(), scope.teamsForQuery(), statuses);
        var found = clients.findVisible(
                scope.staffId(),
                scope.teamsForQuery(),
                statuses,
                search == null || search.isBlank() ? null : likeCode(search),
                named,
                bounded);
        var ids = found.getContent().stream().map(Client::clientId).toList();
        var names = staff.displayNames(found.getContent().stream()
                .map(Client::counsellorId)
                .filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
        Map<ClientId, java.time.Instant> next = appointments.stream()
                .findFirst()
                .map(a -> a.nextAppointments(ids))
                .orElse(Map.of());
        Map<ClientId, RiskFacts.RiskSummary> risk =
                risks.stream().findFirst().map(r -> r.riskSummaries(ids)).orElse(Map.of());
        policy.recordListed(
                "caseload", found.getContent().stream().map(Client::code).toList());
        return found.map(c -> {
            var summary = risk.get(c.clientId());
            return new CaseloadRow(
                    c.clientId(),
                    c.code(),
                    c.status(),
                    c.counsellorId() == null ? null : names.get(c.counsellorId()),
                    summary == null ? null : summary.toOthers(),
                    summary == null ? null : summary.toSelf(),
                    next.get(c.clientId()),
                    summary == null ? null : summary.reviewDue(),
                    c.receivedOn());
        });
    }

    /**
     * Builds one page about one client: need-to-know is checked once, the client's row is read once, and the
     * page's reads (through this and other services) are recorded as ONE audit entry naming what it showed.
     * The views of the client page call this and build their sections inside it.
     *
     * @throws ClientAccessDenied outside need-to-know (audited)
     */
    public <T> T page(String code, java.util.function.Function<ClientAccess, T> build) {
        return policy.pageView(code, "client-page", build);
    }

    /**
     * Whose record this is, for the header of every page about one client: code, preferred name, status, risk
     * ratings and alerts, in a few queries. Audited as a view of the client (inside {@link #page}, as part of
     * the page's entry).
     *
     * @throws ClientAccessDenied outside need-to-know (audited)
     */
    public ClientSummary summary(String code) {
        var access = policy.require(code);
        var client = clients.findById(access.id().value()).orElseThrow();
        var risk = risks.stream()
                .findFirst()
                .map(r -> r.riskSummaries(Set.of(access.id())).get(access.id()))
                .orElse(null);
        var found = new java.util.ArrayList<ClientAlert>();
        alerts.forEach(facts -> found.addAll(facts.alerts(access)));
        if (risk != null && risk.reviewDue() != null && risk.reviewDue().isBefore(charity.today())) {
            found.add(new ClientAlert(ClientAlert.Kind.REVIEW_OVERDUE, "Plan review overdue", "plan/" + access.code()));
        }
        policy.recordView(
                access,
                AuditEvent.of(AuditAction.VIEW, "client-summary", access.code()).forClient(access.code()));
        return new ClientSummary(
                access.code(),
                Objects.requireNonNull(
                        encryption.openText(client.preferredName(), ClientColumns.PREFERRED_NAME, client.id())),
                access.status(),
                risk == null ? null : risk.toOthers(),
                risk == null ? null : risk.toSelf(),
                access.isBreakGlass(),
                found,
                noteToWrite.stream()
                        .findFirst()
                        .flatMap(n -> n.noteToWrite(access))
                        .orElse(null));
    }

    /** The client page: opens the client if need-to-know allows, and records the view. */
    public ClientDetails open(String code) {
        var access = policy.require(code);
        var client = clients.findById(access.id().value()).orElseThrow();
        policy.recordView(access, viewEvent(access));
        var id = client.id();
        var contact = new SafeContact(
                encryption.openText(client.phone(), ClientColumns.PHONE, id),
                encryption.openText(client.email(), ClientColumns.EMAIL, id),
                encryption.openText(client.postalAddress(), ClientColumns.POSTAL_ADDRESS, id),
                client.voicemailOk(),
                client.textOk(),
                client.letterOk(),
                client.emailOk(),
                encryption.openText(client.bestTimes(), ClientColumns.BEST_TIMES, id),
                encryption.openText(client.contactNotes(), ClientColumns.CONTACT_NOTES, id));
        var counsellor = client.counsellorId() == null
                ? null
                : staff.displayNames(Set.of(client.counsellorId())).get(client.counsellorId());
        var risk = risks.stream()
                .findFirst()
                .map(r -> r.riskSummaries(Set.of(access.id())).get(access.id()))
                .orElse(null);
        return new ClientDetails(
                access,
                Objects.requireNonNull(encryption.openText(client.preferredName(), ClientColumns.PREFERRED_NAME, id)),
                client.yearOfBirth(),
                client.postcodeDistrict(),
                contact,
                client.receivedOn(),
                client.priority(),
                counsellor,
                risk != null ? risk : new RiskFacts.RiskSummary(null, null, null),
                client.closedOn(),
                client.closureReason(),
                encryption.openText(client.closingSummary(), ClientColumns.CLOSING_SUMMARY, id));
    }

    /**
     * Opens a client outside the signed-in person's scope for {@link #BREAK_GLASS_FOR}, after they have
     * confirmed who they are ({@link ReAuthentication}) and given a reason. Never for a client they are
     * excluded from. Audited as break-glass and queued for supervisors' review.
     *
     * @throws IllegalArgumentException when the reason is missing or too short
     */
    public ClientAccess breakGlass(String code, String reason) {
        // Refused rather than cut when too long: the grant's column holds 500 characters.
        var why = java.util.Objects.requireNonNullElse(Text.check("reason", reason, Text.REASON), "");
        if (why.length() < MIN_REASON) {
            throw new InvalidFields("reason", REASON_NEEDED);
        }
        reAuthentication.requireFreshConfirmation();
        var user = policy.scope();
        var client = ClientCode.normalise(code)
                .flatMap(clients::findByCode)
                .filter(c -> !policy.isExcluded(c.clientId(), user.staffId()));
        if (client.isEmpty()) {
            // Same refusal as any other, so break-glass cannot be used to learn who exists or who is excluded.
            policy.require(code);
            throw new ClientAccessDenied();
        }
        var now = clock.instant();
        var grantId = UUID.randomUUID();
        var grant = breakGlass.save(new BreakGlassGrant(
                grantId,
                client.get().id(),
                user.staffId(),
                java.util.Objects.requireNonNull(
                        encryption.seal(why, ClientColumns.BREAK_GLASS_REASON.forRow(grantId))),
                now,
                now.plus(BREAK_GLASS_FOR)));
        // The reason stays with the grant, where the reviewing supervisor reads it; the entry names the grant.
        audit.record(
                AuditEvent.of(AuditAction.BREAK_GLASS, "break-glass", grant.id().toString())
                        .forClient(client.get().code()));
        return policy.require(client.get().clientId());
    }

    /**
     * Changes which channels the client allows to be contacted by (voicemail, text, letter, email). Email is
     * its own permission: an address on file never allows it.
     *
     * @throws org.casebook.validation.InvalidFields when a channel is allowed with nowhere to send it
     */
    public void changeChannels(String code, boolean voicemailOk, boolean textOk, boolean letterOk, boolean emailOk) {
        var access = policy.requireChange(code, "client-contact");
        records.setChannels(access.id(), voicemailOk, textOk, letterOk, emailOk);
    }

    /** The history of the case (status changes, assignments, exclusions), oldest first. Audited as a view. */
    public java.util.List<CaseHistoryEntry> history(String code) {
        var access = policy.require(code);
        var entries =
                history.findByClientIdOrderByHappenedAtAscIdAsc(access.id().value());
        var ids = new java.util.HashSet<Long>();
        entries.forEach(e -> {
            if (e.counsellorId() != null) {
                ids.add(e.counsellorId());
            }
            if (e.byStaff() != null) {
                ids.add(e.byStaff());
            }
        });
        var contributed = historySources.stream()
                .flatMap(s -> s.historyOf(access.id()).stream())
                .toList();
        contributed.forEach(i -> {
            if (i.byStaff() != null) {
                ids.add(i.byStaff());
            }
        });
        var names = staff.displayNames(ids);
        policy.recordView(
                access,
                AuditEvent.of(AuditAction.VIEW, "client-history", access.code()).forClient(access.code()));
        var own = entries.stream()
                .map(e -> new CaseHistoryEntry(
                        e.happenedAt(),
                        describe(e),
                        e.status(),
                        e.counsellorId() == null ? null : names.get(e.counsellorId()),
                        e.byStaff() == null ? null : names.get(e.byStaff()),
                        encryption.openText(e.reason(), ClientColumns.HISTORY_REASON, e.id())))
                .toList();
        return withContributed(own, contributed, names);
    }

    /** Other modules' entries merged in by time, each with the status the case had then. */
    private static java.util.List<CaseHistoryEntry> withContributed(
            java.util.List<CaseHistoryEntry> own,
            java.util.List<CaseHistorySource.Item> contributed,
            java.util.Map<Long, String> names) {
        if (contributed.isEmpty() || own.isEmpty()) {
            return own;
        }
        var merged = new java.util.ArrayList<CaseHistoryEntry>(own);
        for (var item : contributed) {
            var status = own.getFirst().status();
            for (var entry : own) {
                if (!entry.at().isAfter(item.at())) {
                    status = entry.status();
                }
            }
            merged.add(new CaseHistoryEntry(
                    item.at(),
                    item.what(),
                    status,
                    null,
                    item.byStaff() == null ? null : names.get(item.byStaff()),
                    item.detail()));
        }
        merged.sort(java.util.Comparator.comparing(CaseHistoryEntry::at));
        return java.util.List.copyOf(merged);
    }

    private static String describe(ClientHistoryEntry entry) {
        return switch (entry.kind()) {
            case CREATED -> "Referral received";
            case STATUS -> "Moved to " + entry.status().label().toLowerCase(java.util.Locale.ROOT);
            case ASSIGNED -> "Assigned";
            case REASSIGNED -> "Reassigned";
            case CLOSED -> "Closed";
            case EXCLUSION -> "A member of staff was excluded";
        };
    }

    private static AuditEvent viewEvent(ClientAccess access) {
        var event = AuditEvent.of(AuditAction.VIEW, "client", access.code()).forClient(access.code());
        return access.isBreakGlass() ? event.because("break-glass") : event;
    }

    /** Ids of the listable clients whose preferred name contains the search (ignoring case); at least one id. */
    private Collection<java.util.UUID> namesMatching(
            @Nullable String search, long staffId, Collection<Long> teams, Set<CaseStatus> statuses) {
        var none = List.of(new java.util.UUID(0, 0));
        if (search == null || search.strip().length() < 2) {
            return none;
        }
        var term = search.strip().toLowerCase(java.util.Locale.UK);
        var matching = new java.util.ArrayList<java.util.UUID>();
        for (var row : clients.findVisibleNames(staffId, teams, statuses)) {
            var id = (java.util.UUID) row[0];
            var name = encryption.open((byte[]) row[1], ClientColumns.PREFERRED_NAME.forRow(id));
            if (name != null && name.toLowerCase(java.util.Locale.UK).contains(term)) {
                matching.add(id);
            }
        }
        return matching.isEmpty() ? none : matching;
    }

    /** A LIKE pattern for part of a client code; text that cannot be part of one matches no code. */
    private static String likeCode(String search) {
        var cleaned = search.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        return cleaned.matches("[" + ClientCode.ALPHABET + "-]+") ? "%" + cleaned + "%" : "#";
    }
}
