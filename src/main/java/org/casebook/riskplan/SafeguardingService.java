package org.casebook.riskplan;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.AccessBasis;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientId;
import org.casebook.encryption.FieldEncryption;
import org.casebook.riskplan.ConcernDetail.ClosureView;
import org.casebook.riskplan.ConcernDetail.CommentView;
import org.casebook.riskplan.ConcernDetail.DecisionView;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffUser;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safeguarding concerns. Anyone with access to a client may raise one; it reaches every supervisor's queue at
 * once (immediate danger first). Only the people handling it (whoever raised it, the client's counsellor, and
 * supervisors with access to the client) read its text; others with access to the client see that it exists,
 * its status and dates. A concern is write-once: the decision, the closure and later comments are added, never
 * edited or deleted.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class SafeguardingService {

    static final int MAX_TEXT = Text.SECTION;
    static final String RECORD = "safeguarding-concern";

    private final CaseAccessPolicy policy;
    private final ConcernRecorder recorder;
    private final ConcernRepository concerns;
    private final ConcernDecisionRepository decisions;
    private final ConcernClosureRepository closures;
    private final ConcernCommentRepository comments;
    private final FieldEncryption encryption;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    SafeguardingService(
            CaseAccessPolicy policy,
            ConcernRecorder recorder,
            ConcernRepository concerns,
            ConcernDecisionRepository decisions,
            ConcernClosureRepository closures,
            ConcernCommentRepository comments,
            FieldEncryption encryption,
            StaffDirectory staff,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock,
            CharityClock charity) {
        this.policy = policy;
        this.recorder = recorder;
        this.concerns = concerns;
        this.decisions = decisions;
        this.closures = closures;
        this.comments = comments;
        this.encryption = encryption;
        this.staff = staff;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /**
     * Raises a concern about a client the person has access to. The one change allowed under break-glass:
     * someone who opened a record in an emergency and found a danger must be able to say so.
     */
    public UUID raise(NewConcern concern) {
        var access = policy.require(concern.code());
        return recorder.record(
                access.id(),
                access.code(),
                concern.whatWasLearned(),
                concern.learnedOn(),
                concern.category(),
                concern.immediateDanger(),
                concern.source(),
                currentUser.require().accountId(),
                today());
    }

    /**
     * The safeguarding queue, for every supervisor: open concerns (immediate danger first, then oldest), then
     * the most recently closed. No clinical text.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<ConcernRow> queue(boolean includeClosed) {
        var found = new ArrayList<>(concerns.findOpen());
        if (includeClosed) {
            found.addAll(concerns.findClosed(PageRequest.of(0, 200)));
        }
        var rows = rows(found);
        policy.recordListed(
                "safeguarding-queue", rows.stream().map(ConcernRow::code).toList());
        return rows;
    }

    /** The open concerns' count and how many are in immediate danger, for the supervisors' home view. */
    @RolesAllowed(Roles.SUPERVISOR)
    public OpenConcerns openConcerns() {
        // Counted in SQL: no concern row (nor its sealed text) is loaded to count them.
        var counts = concerns.countOpen(policy.scope().teamsForQuery()).getFirst();
        return new OpenConcerns(
                ((Number) counts[0]).intValue(), ((Number) counts[1]).intValue(), ((Number) counts[2]).intValue());
    }

    /** How many concerns are open, how many of them in immediate danger, how many about the caller's teams. */
    public record OpenConcerns(int open, int immediate, int myTeams) {}

    /** Concerns the signed-in person raised, newest first (status only). */
    public List<ConcernRow> raisedByMe() {
        var rows = rows(concerns.findRaisedBy(currentUser.require().accountId()));
        policy.recordListed(
                "safeguarding-raised-by-me", rows.stream().map(ConcernRow::code).toList());
        return rows;
    }

    /** That concerns exist about this client, with status and dates: for anyone with access to the client. */
    public List<ConcernRow> forClient(String code) {
        var access = policy.require(code);
        policy.recordView(
                access,
                AuditEvent.of(AuditAction.VIEW, "safeguarding-concern", access.code())
                        .forClient(access.code())
                        .because("list"));
        return rows(concerns.findByClientIdOrderByRaisedAtDesc(access.id().value()));
    }

    /**
     * The concern id given in an address. A malformed one is refused, and audited, as an unknown id is.
     *
     * @throws ClientAccessDenied when the text is not an id (worded and audited as an unknown id)
     */
    public UUID concernId(String asked) {
        try {
            return UUID.fromString(asked);
        } catch (IllegalArgumentException malformed) {
            throw policy.refuseMissing(RECORD, asked);
        }
    }

    /**
     * A concern, with its text, for someone handling it.
     *
     * @throws ConcernHidden for others with access to the client (audited)
     */
    public ConcernDetail open(UUID id) {
        var concern = load(id);
        var access = policy.require(new ClientId(concern.clientId()), RECORD, id.toString());
        var user = currentUser.require();
        requireHandler(concern, access, user, AuditAction.VIEW);
        audit.record(AuditEvent.of(AuditAction.VIEW, "safeguarding-concern", id.toString())
                .forClient(concern.clientCode()));
        return detail(concern, access, user);
    }

    /**
     * Records the supervisor's decision, once.
     *
     * @throws InvalidFields when a referral lacks its reference or date, or no further action lacks a rationale
     * @throws IllegalStateException when the concern was already decided
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public void decide(UUID id, Decision decision) {
        var concern = load(id);
        var access = policy.requireChange(new ClientId(concern.clientId()), RECORD, id.toString());
        var user = currentUser.require();
        requireHandler(concern, access, user, AuditAction.SAFEGUARDING_DECIDED);
        if (decision.outcome() == null) {
            throw new InvalidFields("outcome", "Choose the decision.");
        }
        if (decisions.findByConcernId(id).isPresent()) {
            throw new IllegalStateException("This concern has already been decided. Add a comment instead.");
        }
        var reference = org.casebook.validation.Text.clean(decision.reference());
        var rationale = org.casebook.validation.Text.clean(decision.rationale());
        if (decision.outcome().isReferral()) {
            if (reference == null) {
                throw new InvalidFields("reference", "Give the reference number of the referral.");
            }
            Inputs.text("reference", reference, Text.NAME);
            if (decision.referredOn() == null) {
                throw new InvalidFields("referredOn", "Give the date of the referral.");
            }
            if (decision.referredOn().isAfter(today()) || decision.referredOn().isBefore(concern.learnedOn())) {
                throw new InvalidFields(
                        "referredOn", "The referral date must be between when it was learned and today.");
            }
        } else if (rationale == null) {
            throw new InvalidFields("rationale", "Say why no further action is needed.");
        }
        checkLength("rationale", rationale);
        checkLength("followUp", decision.followUp());
        var decisionId = UUID.randomUUID();
        decisions.save(new ConcernDecision(
                decisionId,
                id,
                decision.outcome(),
                decision.outcome().isReferral() ? reference : null,
                decision.outcome().isReferral() ? decision.referredOn() : null,
                encryption.sealText(rationale, RiskPlanColumns.DECISION_RATIONALE, decisionId),
                encryption.sealText(decision.followUp(), RiskPlanColumns.DECISION_FOLLOW_UP, decisionId),
                user.accountId(),
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.SAFEGUARDING_DECIDED, "safeguarding-concern", id.toString())
                .forClient(concern.clientCode()));
    }

    /** Adds later information as a dated comment (the concern itself is never edited). */
    public void comment(UUID id, String text) {
        var concern = load(id);
        var access = policy.requireChange(new ClientId(concern.clientId()), RECORD, id.toString());
        var user = currentUser.require();
        requireHandler(concern, access, user, AuditAction.ADDENDUM);
        if (Text.isBlank(text)) {
            throw new InvalidFields("comment", "Write the comment.");
        }
        checkLength("comment", text);
        var commentId = UUID.randomUUID();
        comments.save(new ConcernComment(
                commentId,
                id,
                Objects.requireNonNull(encryption.sealText(text, RiskPlanColumns.COMMENT_BODY, commentId)),
                user.accountId(),
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.ADDENDUM, "safeguarding-concern", id.toString())
                .forClient(concern.clientCode()));
    }

    /** Closes a decided concern, once. */
    @RolesAllowed(Roles.SUPERVISOR)
    public void close(UUID id, @Nullable String note) {
        var concern = load(id);
        var access = policy.requireChange(new ClientId(concern.clientId()), RECORD, id.toString());
        var user = currentUser.require();
        requireHandler(concern, access, user, AuditAction.SAFEGUARDING_CLOSED);
        if (decisions.findByConcernId(id).isEmpty()) {
            throw new IllegalStateException("Record the decision before closing the concern.");
        }
        if (closures.findByConcernId(id).isPresent()) {
            throw new IllegalStateException("This concern is already closed.");
        }
        checkLength("note", note);
        var closureId = UUID.randomUUID();
        closures.save(new ConcernClosure(
                closureId,
                id,
                encryption.sealText(note, RiskPlanColumns.CLOSURE_NOTE, closureId),
                user.accountId(),
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.SAFEGUARDING_CLOSED, "safeguarding-concern", id.toString())
                .forClient(concern.clientCode()));
    }

    private void requireHandler(Concern concern, ClientAccess access, StaffUser user, AuditAction action) {
        long me = user.accountId();
        boolean raiser = Objects.equals(concern.raisedBy(), me);
        boolean counsellor = Objects.equals(access.counsellorId(), me);
        boolean supervisor = user.hasRole(Role.SUPERVISOR)
                && (access.basis() == AccessBasis.TEAM || access.basis() == AccessBasis.BREAK_GLASS);
        boolean allowed = switch (action) {
            case SAFEGUARDING_DECIDED, SAFEGUARDING_CLOSED -> supervisor;
            default -> raiser || counsellor || supervisor;
        };
        if (!allowed) {
            audit.recordRefusal(
                    AuditEvent.of(action, "safeguarding-concern", concern.id().toString())
                            .forClient(concern.clientCode())
                            .because("not handling this concern"));
            throw new ConcernHidden();
        }
    }

    private ConcernDetail detail(Concern concern, ClientAccess access, StaffUser user) {
        var id = concern.id();
        var decision = decisions.findByConcernId(id);
        var closure = closures.findByConcernId(id);
        var notes = comments.findByConcernIdOrderByCreatedAt(id);
        var people = new HashSet<Long>();
        if (concern.raisedBy() != null) {
            people.add(concern.raisedBy());
        }
        decision.ifPresent(d -> people.add(d.decidedBy()));
        closure.ifPresent(c -> people.add(c.closedBy()));
        notes.forEach(n -> people.add(n.createdBy()));
        var names = people.isEmpty() ? Map.<Long, String>of() : staff.displayNames(people);
        var row = rows(List.of(concern)).getFirst();
        var decisionView = decision.map(d -> new DecisionView(
                        d.outcome(),
                        d.reference(),
                        d.referredOn(),
                        encryption.openText(d.rationale(), RiskPlanColumns.DECISION_RATIONALE, d.id()),
                        encryption.openText(d.followUp(), RiskPlanColumns.DECISION_FOLLOW_UP, d.id()),
                        names.getOrDefault(d.decidedBy(), "?"),
                        d.decidedAt()))
                .orElse(null);
        var closureView = closure.map(c -> new ClosureView(
                        encryption.openText(c.note(), RiskPlanColumns.CLOSURE_NOTE, c.id()),
                        names.getOrDefault(c.closedBy(), "?"),
                        c.closedAt()))
                .orElse(null);
        var commentViews = notes.stream()
                .map(n -> new CommentView(
                        Objects.requireNonNull(encryption.openText(n.body(), RiskPlanColumns.COMMENT_BODY, n.id())),
                        names.getOrDefault(n.createdBy(), "?"),
                        n.createdAt()))
                .toList();
        boolean canDecide = user.hasRole(Role.SUPERVISOR) && access.basis() == AccessBasis.TEAM;
        return new ConcernDetail(
                row,
                Objects.requireNonNull(encryption.openText(concern.whatLearned(), RiskPlanColumns.CONCERN_TEXT, id)),
                concern.raisedBy() == null ? "Recorded automatically" : names.getOrDefault(concern.raisedBy(), "?"),
                concern.source(),
                decisionView,
                closureView,
                commentViews,
                canDecide);
    }

    private List<ConcernRow> rows(Collection<Concern> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        var ids = found.stream().map(Concern::id).toList();
        Map<UUID, ConcernDecision> decided = decisions.findByConcernIdIn(ids).stream()
                .collect(Collectors.toMap(ConcernDecision::concernId, Function.identity()));
        Map<UUID, ConcernClosure> closed = closures.findByConcernIdIn(ids).stream()
                .collect(Collectors.toMap(ConcernClosure::concernId, Function.identity()));
        Set<Long> teams =
                currentUser.require().hasRole(Role.SUPERVISOR) ? policy.scope().teamsLed() : Set.of();
        return found.stream()
                .map(c -> {
                    var decision = decided.get(c.id());
                    var closure = closed.get(c.id());
                    var status = closure != null
                            ? ConcernStatus.CLOSED
                            : decision != null ? ConcernStatus.DECIDED : ConcernStatus.OPEN;
                    return new ConcernRow(
                            c.id(),
                            c.clientCode(),
                            c.category(),
                            c.immediate(),
                            status,
                            c.learnedOn(),
                            c.raisedAt(),
                            decision == null ? null : decision.decidedAt(),
                            closure == null ? null : closure.closedAt(),
                            c.teamId() != null && teams.contains(c.teamId()));
                })
                .toList();
    }

    private Concern load(UUID id) {
        return concerns.findById(Objects.requireNonNull(id, "concern id"))
                .orElseThrow(() -> policy.refuseMissing(RECORD, id.toString()));
    }

    private static void checkLength(String field, @Nullable String text) {
        Inputs.text(field, text, MAX_TEXT);
    }

    private LocalDate today() {
        return charity.today();
    }
}
