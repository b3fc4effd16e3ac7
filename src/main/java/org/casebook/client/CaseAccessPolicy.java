package org.casebook.client;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Need-to-know, decided in one place: a counsellor may open the clients assigned to them; a supervisor
 * also those of the teams they lead; anyone clinical, a client they opened by break-glass while that
 * access lasts; an administrator, none. A member of staff excluded from a client never may, by any route.
 *
 * <p>Every clinical service asks here before it reads or changes a client's records. A refusal is
 * audited (it survives the rollback that follows) and throws {@link ClientAccessDenied}. Queries that
 * list clients use {@link #scope()} so that lists and single records agree.
 */
@Component
public class CaseAccessPolicy {

    /** What a list query needs to know about the signed-in person. */
    public record Scope(long staffId, Set<Long> teamsLed) {

        /** The team ids for an SQL {@code in (...)}: never empty, because {@code in ()} is not valid SQL. */
        public Set<Long> teamsForQuery() {
            return teamsLed.isEmpty() ? Set.of(-1L) : teamsLed;
        }
    }

    /** One reason for every refusal by need-to-know, whether or not the record exists. */
    static final String REFUSED = "outside need-to-know or no such record";

    static final String BREAK_GLASS_READ_ONLY = "break-glass is read-only";

    /**
     * A condition on the {@code client} table for a module's own SQL, built here so that the rule is written
     * once: add {@link #condition} to the query's where clause and {@link #parameters} to its parameters.
     */
    public record SqlScope(String condition, java.util.Map<String, Object> parameters) {

        /** These parameters and the query's own. */
        public java.util.Map<String, Object> with(java.util.Map<String, ?> own) {
            var all = new java.util.HashMap<String, Object>(parameters);
            all.putAll(own);
            return all;
        }
    }

    private final ClientRepository clients;
    private final ClientExclusionRepository exclusions;
    private final BreakGlassGrantRepository breakGlass;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    CaseAccessPolicy(
            ClientRepository clients,
            ClientExclusionRepository exclusions,
            BreakGlassGrantRepository breakGlass,
            StaffDirectory staff,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock) {
        this.clients = clients;
        this.exclusions = exclusions;
        this.breakGlass = breakGlass;
        this.staff = staff;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One view of one client's page, on this thread: need-to-know was decided once at its start, the sections'
     * own checks of the same client are answered from it, and their audited reads are gathered into the one
     * entry written when the page has been built.
     */
    private record PageView(ClientAccess access, long staffId, java.util.SortedSet<String> shown) {}

    private static final ThreadLocal<@org.jspecify.annotations.Nullable PageView> PAGE = new ThreadLocal<>();

    /**
     * Builds one page about one client in one transaction: need-to-know is decided once (one read of the client,
     * one exclusion check), every section's own {@link #require} of the same client is answered from that
     * decision, and the sections' audited reads ({@link #recordView}) become ONE audit entry for the page,
     * naming what it showed, written when the page is built. A refusal is audited and thrown as usual.
     *
     * @param pageName the audit entry's record type, e.g. {@code "client-page"}
     */
    @Transactional
    public <T> T pageView(String typedCode, String pageName, java.util.function.Function<ClientAccess, T> build) {
        if (PAGE.get() != null) {
            throw new IllegalStateException("a page view is already being built on this thread");
        }
        var access = require(typedCode);
        var view = new PageView(access, currentUser.require().accountId(), new java.util.TreeSet<>());
        PAGE.set(view);
        try {
            var result = build.apply(access);
            var shown = "shown: " + String.join(" ", view.shown());
            audit.record(AuditEvent.of(AuditAction.VIEW, pageName, access.code())
                    .forClient(access.code())
                    .because(access.isBreakGlass() ? "break-glass; " + shown : shown));
            return result;
        } finally {
            PAGE.remove();
        }
    }

    /**
     * Records an audited read of a client's records: at once, or, inside a {@link #pageView} of that client,
     * as part of the page's one entry. An audited read is a write: never inside a read-only transaction.
     */
    @Transactional
    public void recordView(ClientAccess access, AuditEvent event) {
        var page = currentPage(access.id());
        if (page != null) {
            page.shown().add(java.util.Objects.requireNonNullElse(event.recordType(), "record"));
        } else {
            audit.record(event);
        }
    }

    private @org.jspecify.annotations.Nullable PageView currentPage(ClientId id) {
        var page = PAGE.get();
        return page != null
                        && page.access().id().equals(id)
                        && page.staffId() == currentUser.require().accountId()
                ? page
                : null;
    }

    private @org.jspecify.annotations.Nullable PageView currentPage(String typedCode) {
        var page = PAGE.get();
        return page != null
                        && ClientCode.normalise(typedCode)
                                .filter(page.access().code()::equals)
                                .isPresent()
                        && page.staffId() == currentUser.require().accountId()
                ? page
                : null;
    }

    /** Lets the signed-in person work with this client, or refuses (audited). */
    @Transactional(readOnly = true)
    public ClientAccess require(ClientId id) {
        return require(id, "client", id.toString());
    }

    /**
     * As {@link #require(ClientId)}, for a record of the client reached by its own id (a session note, a
     * concern): a refusal is recorded against that record exactly as {@link #refuseMissing} records a record
     * that does not exist, so neither the message nor the audit log tells them apart.
     */
    @Transactional(readOnly = true)
    public ClientAccess require(ClientId id, String recordType, String recordId) {
        var page = currentPage(id);
        if (page != null) {
            return page.access();
        }
        return decide(clients.findById(id.value()).orElse(null)).orElseThrow(() -> refuse(recordType, recordId, null));
    }

    /** As {@link #require(ClientId)}, for a client code as it appears in a URL or a search box. */
    @Transactional(readOnly = true)
    public ClientAccess require(String typedCode) {
        var page = currentPage(typedCode);
        if (page != null) {
            return page.access();
        }
        var code = ClientCode.normalise(typedCode);
        var client = code.flatMap(clients::findByCode);
        return decide(client.orElse(null))
                .orElseThrow(() -> refuse("client", code.orElse("(not a client code)"), code.orElse(null)));
    }

    /**
     * The refusal for a record id that names nothing (a note or concern id that does not exist): audited and
     * worded exactly as a refusal by need-to-know, so that trying ids reveals nothing.
     */
    public ClientAccessDenied refuseMissing(String recordType, String recordId) {
        return refuse(recordType, recordId, null);
    }

    /**
     * Lets the signed-in person change this client's records (plans, reviews, consents, concern decisions,
     * notes, appointments, the client itself), or refuses (audited). Break-glass is for reading in an
     * emergency: it never allows a change. The one exception, raising a new safeguarding concern, asks
     * {@link #require} instead.
     *
     * @param recordType the kind of record about to change, for the audit entry (e.g. {@code "risk-plan"})
     * @throws ClientAccessDenied outside need-to-know
     * @throws BreakGlassReadOnly when the person opened the client by break-glass
     */
    @Transactional(readOnly = true)
    public ClientAccess requireChange(String typedCode, String recordType) {
        var access = require(typedCode);
        return writable(access, recordType, access.code());
    }

    /** As {@link #requireChange(String, String)}, for a record of the client reached by its own id. */
    @Transactional(readOnly = true)
    public ClientAccess requireChange(ClientId id, String recordType, String recordId) {
        return writable(require(id, recordType, recordId), recordType, recordId);
    }

    private ClientAccess writable(ClientAccess access, String recordType, String recordId) {
        if (access.isBreakGlass()) {
            audit.recordRefusal(AuditEvent.of(AuditAction.UPDATE, recordType, recordId)
                    .forClient(access.code())
                    .because(BREAK_GLASS_READ_ONLY));
            throw new BreakGlassReadOnly();
        }
        return access;
    }

    /** Whether the signed-in person may open this client now; nothing is recorded. */
    @Transactional(readOnly = true)
    public boolean allows(ClientId id) {
        return allowedAmong(Set.of(id)).contains(id);
    }

    /**
     * Which of these clients the signed-in person may open now, by the same rule as {@link #require}, in two
     * queries however many there are; for filtering lists, nothing is recorded.
     */
    @Transactional(readOnly = true)
    public Set<ClientId> allowedAmong(Collection<ClientId> ids) {
        var user = currentUser.require();
        if (ids.isEmpty() || !isClinical(user)) {
            return Set.of();
        }
        var scope = scope();
        var wanted = ids.stream().map(ClientId::value).collect(Collectors.toSet());
        var allowed = new HashSet<>(clients.findVisibleAmong(wanted, scope.staffId(), scope.teamsForQuery()));
        allowed.addAll(breakGlass.findOpenAmong(wanted, scope.staffId(), clock.instant()));
        return allowed.stream().map(ClientId::new).collect(Collectors.toSet());
    }

    /**
     * The rows of a list whose clients the signed-in person may open now, in their order: every list of
     * client-scoped rows passes through here (or a query built from {@link #scope()}), so that lists and single
     * records follow one rule, exclusions included. Nothing is recorded; see {@link #recordListed}.
     */
    @Transactional(readOnly = true)
    public <T> java.util.List<T> visibleOnly(Collection<T> rows, java.util.function.Function<T, ClientId> client) {
        var allowed = allowedAmong(rows.stream().map(client).collect(Collectors.toSet()));
        return rows.stream().filter(row -> allowed.contains(client.apply(row))).toList();
    }

    /** How many codes one audit entry names: they fit its 500-character note with room to spare. */
    static final int CODES_PER_ENTRY = 50;

    /**
     * Records one view of a list that shows client codes with clinical facts, naming every code shown: one
     * entry, or for a list of more than {@value #CODES_PER_ENTRY} codes one entry for each
     * {@value #CODES_PER_ENTRY} ("120 shown, 51-100: ..."), so no code is cut off. An audited read is a write:
     * never call this inside a read-only transaction.
     */
    @Transactional
    public void recordListed(String listName, Collection<String> codesShown) {
        var codes = codesShown.stream().distinct().sorted().toList();
        if (codes.size() <= CODES_PER_ENTRY) {
            audit.record(AuditEvent.of(AuditAction.VIEW, listName, null)
                    .because(codes.size() + " shown" + (codes.isEmpty() ? "" : ": " + String.join(" ", codes))));
            return;
        }
        for (int from = 0; from < codes.size(); from += CODES_PER_ENTRY) {
            var part = codes.subList(from, Math.min(from + CODES_PER_ENTRY, codes.size()));
            audit.record(AuditEvent.of(AuditAction.VIEW, listName, null)
                    .because(codes.size() + " shown, " + (from + 1) + "-" + (from + part.size()) + ": "
                            + String.join(" ", part)));
        }
    }

    /**
     * Whether this member of staff (not necessarily the signed-in one) is excluded from this client: they
     * must never be offered for assignment, and may never open it, not even by break-glass.
     */
    @Transactional(readOnly = true)
    public boolean isExcluded(ClientId id, long staffId) {
        return exclusions.existsByClientIdAndStaffId(id.value(), staffId);
    }

    /**
     * The clients of the teams the signed-in person leads, less any they are excluded from, as an SQL condition
     * on the client table under {@code alias} (for supervisors' figures).
     */
    @Transactional(readOnly = true)
    public SqlScope teamClientsSql(String alias) {
        var scope = scope();
        return new SqlScope(
                alias + ".team_id in (:scopeTeams) and " + notExcluded(alias),
                java.util.Map.of("scopeTeams", scope.teamsForQuery(), "scopeStaff", scope.staffId()));
    }

    /**
     * The clients the signed-in person may see without break-glass (their own and their teams', less
     * exclusions), as an SQL condition on the client table under {@code alias}: the rule of {@link #allowedAmong}.
     */
    @Transactional(readOnly = true)
    public SqlScope visibleClientsSql(String alias) {
        var scope = scope();
        return new SqlScope(
                "(" + alias + ".counsellor_id = :scopeStaff or " + alias + ".team_id in (:scopeTeams)) and "
                        + notExcluded(alias),
                java.util.Map.of("scopeTeams", scope.teamsForQuery(), "scopeStaff", scope.staffId()));
    }

    private static String notExcluded(String alias) {
        if (!alias.matches("[a-z]\\w*")) {
            throw new IllegalArgumentException("not an SQL alias: " + alias);
        }
        return "not exists (select 1 from client_exclusion scope_x where scope_x.client_id = " + alias
                + ".id and scope_x.staff_id = :scopeStaff)";
    }

    /** The signed-in person's standing scope, for list queries. */
    @Transactional(readOnly = true)
    public Scope scope() {
        var user = currentUser.require();
        var teams = user.hasRole(Role.SUPERVISOR) ? staff.teamsLedBy(user.accountId()) : Set.<Long>of();
        return new Scope(user.accountId(), new HashSet<>(teams));
    }

    private Optional<ClientAccess> decide(@org.jspecify.annotations.Nullable Client client) {
        var user = currentUser.require();
        if (client == null
                || client.anonymisedOn() != null
                || !isClinical(user)
                || isExcluded(client.clientId(), user.accountId())) {
            return Optional.empty();
        }
        if (Long.valueOf(user.accountId()).equals(client.counsellorId())) {
            return Optional.of(access(client, AccessBasis.ASSIGNED));
        }
        if (user.hasRole(Role.SUPERVISOR)
                && client.teamId() != null
                && staff.teamsLedBy(user.accountId()).contains(client.teamId())) {
            return Optional.of(access(client, AccessBasis.TEAM));
        }
        if (breakGlass.existsByClientIdAndStaffIdAndExpiresAtAfter(client.id(), user.accountId(), clock.instant())) {
            return Optional.of(access(client, AccessBasis.BREAK_GLASS));
        }
        return Optional.empty();
    }

    static boolean isClinical(StaffUser user) {
        return user.hasRole(Role.COUNSELLOR) || user.hasRole(Role.SUPERVISOR);
    }

    private static ClientAccess access(Client client, AccessBasis basis) {
        return new ClientAccess(
                client.clientId(), client.code(), basis, client.status(), client.counsellorId(), client.teamId());
    }

    private ClientAccessDenied refuse(
            String recordType, String recordId, @org.jspecify.annotations.Nullable String typedCode) {
        audit.recordRefusal(AuditEvent.of(AuditAction.VIEW, recordType, recordId)
                .forClient(typedCode)
                .because(REFUSED));
        return new ClientAccessDenied();
    }
}
