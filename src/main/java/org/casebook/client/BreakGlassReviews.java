package org.casebook.client;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffMember;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The break-glass review queue: every time someone opened a client outside their own scope, with their
 * reason, for the supervisor of the client's team or of the person's team to acknowledge or escalate.
 * Nobody reviews their own break-glass. Each review is audited ({@link AuditAction#BREAK_GLASS_REVIEWED}).
 */
@Service
@Transactional
@RolesAllowed(Roles.SUPERVISOR)
public class BreakGlassReviews {

    public static final int MAX_NOTE = Text.REASON;
    static final int MAX_LIST = 500;
    static final String NOTE_NEEDED = "Say what you are escalating and to whom.";

    private final BreakGlassReviewRepository reviews;
    private final BreakGlassGrantRepository grants;
    private final CaseAccessPolicy policy;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;
    private final FieldEncryption encryption;

    BreakGlassReviews(
            BreakGlassReviewRepository reviews,
            BreakGlassGrantRepository grants,
            CaseAccessPolicy policy,
            StaffDirectory staff,
            AuditLog audit,
            Clock clock,
            FieldEncryption encryption) {
        this.encryption = encryption;
        this.reviews = reviews;
        this.grants = grants;
        this.policy = policy;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** Pending reviews first (oldest first), then the most recent reviewed ones; at most 500 of each. */
    @Transactional(readOnly = true)
    public List<BreakGlassReview> queue() {
        var scope = policy.scope();
        var members = members(scope);
        var pending = reviews.findForReview(
                scope.staffId(),
                scope.teamsForQuery(),
                members,
                EnumSet.of(BreakGlassGrant.Review.PENDING),
                PageRequest.of(0, MAX_LIST));
        var done = reviews.findForReview(
                scope.staffId(),
                scope.teamsForQuery(),
                members,
                EnumSet.of(BreakGlassGrant.Review.ACKNOWLEDGED, BreakGlassGrant.Review.ESCALATED),
                PageRequest.of(0, MAX_LIST));
        var rows = new java.util.ArrayList<Object[]>(pending.reversed());
        rows.addAll(done);
        var names = staff.displayNames(rows.stream()
                .flatMap(r -> {
                    var grant = (BreakGlassGrant) r[0];
                    return grant.reviewedBy() == null
                            ? java.util.stream.Stream.of(grant.staffId())
                            : java.util.stream.Stream.of(grant.staffId(), grant.reviewedBy());
                })
                .collect(Collectors.toSet()));
        return rows.stream().map(r -> toReview(r, names, encryption)).toList();
    }

    /** How many break-glass accesses wait for this supervisor's review. */
    @Transactional(readOnly = true)
    public long pendingCount() {
        var scope = policy.scope();
        return reviews.countPending(scope.staffId(), scope.teamsForQuery(), members(scope));
    }

    /**
     * Acknowledges a break-glass access (the reason holds up) or escalates it (with a note saying what
     * happens next).
     *
     * @param version the version the supervisor saw; a review made meanwhile by someone else is not overwritten
     * @throws InvalidFields when the outcome is pending, or the note is missing for an escalation, or too long
     * @throws ObjectOptimisticLockingFailureException when it was reviewed meanwhile
     */
    public BreakGlassReview review(
            UUID grantId, long version, BreakGlassReview.Outcome outcome, @Nullable String note) {
        if (outcome == BreakGlassReview.Outcome.PENDING) {
            throw new InvalidFields("outcome", "Acknowledge or escalate.");
        }
        var text = java.util.Objects.requireNonNullElse(Text.check("note", note, MAX_NOTE), "");
        if (outcome == BreakGlassReview.Outcome.ESCALATED && text.isEmpty()) {
            throw new InvalidFields("note", NOTE_NEEDED);
        }
        var scope = policy.scope();
        var found = one(grantId, scope);
        if (found == null) {
            audit.recordRefusal(AuditEvent.of(AuditAction.BREAK_GLASS_REVIEWED, "break-glass", grantId.toString())
                    .because("not this supervisor's to review"));
            throw new ClientAccessDenied();
        }
        var grant = (BreakGlassGrant) found[0];
        if ((Long) found[2] != version || grant.review() != BreakGlassGrant.Review.PENDING) {
            throw new ObjectOptimisticLockingFailureException(BreakGlassGrant.class, grantId);
        }
        var code = (String) found[1];
        grant.reviewed(
                BreakGlassGrant.Review.valueOf(outcome.name()),
                scope.staffId(),
                clock.instant(),
                text.isEmpty() ? null : encryption.seal(text, ClientColumns.BREAK_GLASS_REVIEW_NOTE.forRow(grantId)));
        grants.flush();
        audit.record(AuditEvent.of(AuditAction.BREAK_GLASS_REVIEWED, "break-glass", grantId.toString())
                .forClient(code)
                .because(outcome.label().toLowerCase(java.util.Locale.ROOT)));
        var names = staff.displayNames(Set.of(grant.staffId(), scope.staffId()));
        return toReview(java.util.Objects.requireNonNull(one(grantId, scope)), names, encryption);
    }

    private Object @Nullable [] one(UUID grantId, CaseAccessPolicy.Scope scope) {
        var rows = reviews.findOneForReview(grantId, scope.staffId(), scope.teamsForQuery(), members(scope));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Set<Long> members(CaseAccessPolicy.Scope scope) {
        var ids = new HashSet<Long>();
        ids.add(-1L);
        if (!scope.teamsLed().isEmpty()) {
            staff.activeCounsellorsIn(scope.teamsLed()).stream()
                    .map(StaffMember::id)
                    .forEach(ids::add);
        }
        return ids;
    }

    private static BreakGlassReview toReview(
            Object[] row, java.util.Map<Long, String> names, FieldEncryption encryption) {
        var grant = (BreakGlassGrant) row[0];
        var reason = grant.sealedReason() != null
                ? encryption.open(grant.sealedReason(), ClientColumns.BREAK_GLASS_REASON.forRow(grant.id()))
                : grant.legacyReason();
        var note = grant.sealedReviewNote() != null
                ? encryption.open(grant.sealedReviewNote(), ClientColumns.BREAK_GLASS_REVIEW_NOTE.forRow(grant.id()))
                : grant.legacyReviewNote();
        return new BreakGlassReview(
                grant.id(),
                (Long) row[2],
                (String) row[1],
                grant.staffId(),
                names.getOrDefault(grant.staffId(), "staff #" + grant.staffId()),
                java.util.Objects.requireNonNullElse(reason, ""),
                grant.grantedAt(),
                grant.expiresAt(),
                BreakGlassReview.Outcome.valueOf(grant.review().name()),
                grant.reviewedBy() == null ? null : names.get(grant.reviewedBy()),
                grant.reviewedAt(),
                note);
    }
}
