package org.casebook.riskplan;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientAccess;
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
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's risk-minimisation plan: every save a new, complete version; two risk ratings that need a
 * rationale whenever they change; the review schedule; structured reviews of dynamic risk areas; dates that
 * raise the client's risk to self; and the plan as a PDF. Need-to-know is {@link CaseAccessPolicy}'s; every
 * read and change is audited with the client code.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class PlanService {

    static final int MAX_SECTION = Text.SECTION;
    static final int MAX_ACTIONS = 50;

    private final CaseAccessPolicy policy;
    private final RiskPlanRepository plans;
    private final RiskPlanVersionRepository versions;
    private final RiskPlanActionRepository actions;
    private final RiskReviewRepository reviews;
    private final TriggerDateRepository triggerDates;
    private final FieldEncryption encryption;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final ReAuthentication reAuthentication;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    PlanService(
            CaseAccessPolicy policy,
            RiskPlanRepository plans,
            RiskPlanVersionRepository versions,
            RiskPlanActionRepository actions,
            RiskReviewRepository reviews,
            TriggerDateRepository triggerDates,
            FieldEncryption encryption,
            StaffDirectory staff,
            CurrentUser currentUser,
            ReAuthentication reAuthentication,
            NamedParameterJdbcTemplate jdbc,
            AuditLog audit,
            Clock clock,
            CharityClock charity) {
        this.policy = policy;
        this.plans = plans;
        this.versions = versions;
        this.actions = actions;
        this.reviews = reviews;
        this.triggerDates = triggerDates;
        this.encryption = encryption;
        this.staff = staff;
        this.currentUser = currentUser;
        this.reAuthentication = reAuthentication;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /** The plan page: the current version, the list of versions, reviews over time and trigger dates. */
    public PlanPage open(String code) {
        var access = policy.require(code);
        audit.record(AuditEvent.of(AuditAction.VIEW, "risk-plan", access.code()).forClient(access.code()));
        var plan = plans.findByClientId(access.id().value());
        PlanVersionView current = null;
        var list = new ArrayList<VersionInfo>();
        if (plan.isPresent()) {
            var all = versions.findByPlanIdOrderByNumberDesc(plan.get().id());
            var names = names(all.stream().map(RiskPlanVersion::createdBy).toList());
            all.forEach(v -> list.add(new VersionInfo(
                    v.number(),
                    names.getOrDefault(v.createdBy(), "?"),
                    v.createdAt(),
                    v.riskToOthers(),
                    v.riskToSelf())));
            current = all.isEmpty() ? null : view(all.getFirst(), names);
        }
        return new PlanPage(
                access.code(),
                current,
                plan.map(RiskPlan::nextReview).orElse(null),
                List.copyOf(list),
                reviewsOf(access),
                triggersOf(access),
                today());
    }

    /** The plan's current version and ratings, for the client page; empty while there is no plan. */
    public java.util.Optional<PlanSummary> summary(String code) {
        var access = policy.require(code);
        policy.recordView(
                access,
                AuditEvent.of(AuditAction.VIEW, "risk-plan", access.code())
                        .forClient(access.code())
                        .because("summary"));
        return plans.findByClientId(access.id().value()).map(plan -> {
            var by = names(List.of(plan.updatedBy())).getOrDefault(plan.updatedBy(), "?");
            return new PlanSummary(
                    plan.currentNumber(),
                    plan.riskToOthers(),
                    plan.riskToSelf(),
                    plan.nextReview(),
                    plan.nextReview().isBefore(today()),
                    by,
                    plan.updatedAt());
        });
    }

    /** One earlier (or the current) version, whole. */
    public PlanVersionView version(String code, int number) {
        var access = policy.require(code);
        var version = load(access, number);
        audit.record(AuditEvent.of(AuditAction.VIEW, "risk-plan", access.code())
                .forClient(access.code())
                .because("version " + number));
        return view(version, names(List.of(version.createdBy())));
    }

    /**
     * Saves a new version of the plan.
     *
     * @return the new version's number
     * @throws PlanConflict when someone else saved a version since {@link PlanSave#basedOn()}
     * @throws InvalidFields when a rating changed without a rationale, a section is too long, an action has no
     *     "what", or the review date is out of bounds
     */
    public int save(PlanSave command) {
        var access = policy.requireChange(command.code(), "risk-plan");
        Objects.requireNonNull(command.toOthers(), "risk to others");
        Objects.requireNonNull(command.toSelf(), "risk to self");
        var content = command.content();
        for (int i = 0; i < content.texts().size(); i++) {
            var text = content.texts().get(i);
            var problem = Text.lengthProblem(text, MAX_SECTION);
            if (problem != null) {
                throw new InvalidFields("section" + i, PlanContent.TITLES.get(i) + ": " + problem);
            }
        }
        if (content.actions().size() > MAX_ACTIONS) {
            throw new InvalidFields("actions", "At most " + MAX_ACTIONS + " agreed actions.");
        }
        for (var action : content.actions()) {
            if (Text.isBlank(action.what())) {
                throw new InvalidFields("actions", "Each agreed action needs to say what will be done.");
            }
            Inputs.text("actions", action.what(), Text.REASON);
            Inputs.text("actions", action.who(), Text.LINE);
            Inputs.date("actions", action.byWhen(), DateRange.PLANNING, today());
        }
        Inputs.text("rationale", command.rationale(), Text.PARAGRAPH);
        var plan = plans.findByClientId(access.id().value()).orElse(null);
        int current = plan == null ? 0 : plan.currentNumber();
        if (command.basedOn() != current) {
            audit.recordRefusal(AuditEvent.of(AuditAction.UPDATE, "risk-plan", access.code())
                    .forClient(access.code())
                    .because("edit conflict"));
            throw new PlanConflict();
        }
        boolean levelChanged =
                plan == null || plan.riskToOthers() != command.toOthers() || plan.riskToSelf() != command.toSelf();
        var rationale = org.casebook.validation.Text.clean(command.rationale());
        if (levelChanged && rationale == null) {
            throw new InvalidFields(
                    "rationale",
                    plan == null
                            ? "Give the rationale for the first risk ratings."
                            : "A risk rating changed: give the rationale for the change.");
        }
        var today = today();
        var nextReview = ReviewSchedule.next(today, command.toOthers(), command.toSelf(), command.nextReview());
        var user = currentUser.require();
        var now = clock.instant();
        if (plan == null) {
            plan = new RiskPlan(access.id().value());
        }
        int number = current + 1;
        plan.advance(number, command.toOthers(), command.toSelf(), nextReview, user.accountId(), now);
        try {
            plans.saveAndFlush(plan);
        } catch (ObjectOptimisticLockingFailureException
                | org.springframework.dao.DataIntegrityViolationException raced) {
            throw new PlanConflict();
        }
        var versionId = UUID.randomUUID();
        var sealed = new byte[7][];
        for (int i = 0; i < 7; i++) {
            sealed[i] = encryption.sealText(content.texts().get(i), RiskPlanColumns.PLAN_SECTIONS[i], versionId);
        }
        versions.save(new RiskPlanVersion(
                versionId,
                plan.id(),
                number,
                sealed,
                command.toOthers(),
                command.toSelf(),
                encryption.sealText(rationale, RiskPlanColumns.RATING_RATIONALE, versionId),
                nextReview,
                user.accountId(),
                now));
        int position = 0;
        for (var action : content.actions()) {
            var actionId = UUID.randomUUID();
            actions.save(new RiskPlanAction(
                    actionId,
                    versionId,
                    position++,
                    Objects.requireNonNull(encryption.sealText(action.what(), RiskPlanColumns.ACTION_WHAT, actionId)),
                    encryption.sealText(action.who(), RiskPlanColumns.ACTION_WHO, actionId),
                    action.byWhen(),
                    action.done()));
        }
        audit.record(AuditEvent.of(number == 1 ? AuditAction.CREATE : AuditAction.UPDATE, "risk-plan", access.code())
                .forClient(access.code())
                .because("version " + number));
        return number;
    }

    /** Two versions side by side with word-level differences. */
    public PlanComparison compare(String code, int left, int right) {
        var access = policy.require(code);
        var older = load(access, left);
        var newer = load(access, right);
        audit.record(AuditEvent.of(AuditAction.VIEW, "risk-plan", access.code())
                .forClient(access.code())
                .because("compare versions " + left + " and " + right));
        var sections = new ArrayList<>(PlanDiff.compare(content(older), content(newer)));
        sections.add(PlanDiff.section("Risk ratings", ratings(older), ratings(newer)));
        return new PlanComparison(left, right, List.copyOf(sections));
    }

    /**
     * Records a structured review of the dynamic risk areas and sets the next review date (default: three
     * months, one month while either rating is high or very high). A plan must exist first.
     */
    public void recordReview(String code, ReviewInput input) {
        var access = policy.requireChange(code, "risk-review");
        var plan = plans.findByClientId(access.id().value())
                .orElseThrow(() -> new InvalidFields("plan", "Write the plan before reviewing it."));
        var scores = new int[RiskArea.values().length];
        var comments = new byte[RiskArea.values().length][];
        var reviewId = UUID.randomUUID();
        for (var area : RiskArea.values()) {
            var score = input.scores().get(area);
            if (score == null || score < 0 || score > 2) {
                throw new InvalidFields(
                        area.name(), "Rate " + area.label().toLowerCase(java.util.Locale.ROOT) + " from 0 to 2.");
            }
            var comment = Inputs.text(area.name(), input.comments().get(area), Text.PARAGRAPH);
            scores[area.ordinal()] = score;
            comments[area.ordinal()] =
                    encryption.sealText(comment, RiskPlanColumns.REVIEW_COMMENTS[area.ordinal()], reviewId);
        }
        var today = today();
        var heldOn = input.heldOn() == null ? today : input.heldOn();
        if (heldOn.isAfter(today) || heldOn.isBefore(today.minusYears(1))) {
            throw new InvalidFields("heldOn", "The review date must be within the last year and not in the future.");
        }
        var next = input.nextReview() == null
                ? ReviewSchedule.defaultNext(heldOn, plan.riskToOthers(), plan.riskToSelf())
                : ReviewSchedule.next(today, plan.riskToOthers(), plan.riskToSelf(), input.nextReview());
        var user = currentUser.require();
        reviews.save(new RiskReview(
                reviewId, access.id().value(), heldOn, scores, comments, next, user.accountId(), clock.instant()));
        plan.reviewed(next, user.accountId(), clock.instant());
        audit.record(AuditEvent.of(AuditAction.CREATE, "risk-review", reviewId.toString())
                .forClient(access.code()));
    }

    /** Enters a date that raises the client's risk to self; the counsellor is prompted around it. */
    public void addTriggerDate(String code, TriggerKind kind, LocalDate on, @Nullable String note) {
        var access = policy.requireChange(code, "risk-trigger-date");
        Objects.requireNonNull(kind, "kind");
        if (on == null) {
            throw new InvalidFields("date", "Enter the date.");
        }
        Inputs.date("date", on, DateRange.PLANNING, today());
        Inputs.text("note", note, Text.REASON);
        var id = UUID.randomUUID();
        triggerDates.save(new TriggerDate(
                id,
                access.id().value(),
                kind,
                on,
                encryption.sealText(note, RiskPlanColumns.TRIGGER_NOTE, id),
                currentUser.require().accountId(),
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.CREATE, "risk-trigger-date", id.toString())
                .forClient(access.code()));
    }

    /**
     * The current plan as a PDF to go through with the client. Asks for a fresh re-authentication and is
     * audited as an export.
     */
    public byte[] exportPdf(String code) {
        var access = policy.require(code);
        reAuthentication.requireFreshConfirmation();
        var plan = plans.findByClientId(access.id().value())
                .orElseThrow(() -> new InvalidFields("plan", "There is no plan to export yet."));
        var current = load(access, plan.currentNumber());
        var view = view(current, names(List.of(current.createdBy())));
        audit.record(AuditEvent.of(AuditAction.EXPORT, "risk-plan", access.code())
                .forClient(access.code())
                .because("PDF of version " + view.number()));
        return PlanPdf.render(access.code(), view, plan.nextReview(), charity.zone());
    }

    /** The most overdue reviews a list shows at once; {@link #overdueReviewCount} gives the total. */
    public static final int OVERDUE_REVIEWS_SHOWN = 50;

    /**
     * Plans of the signed-in person's own clients (and, for a supervisor, their teams' clients) whose review
     * date has passed, most overdue first: the first {@link #OVERDUE_REVIEWS_SHOWN}.
     */
    public List<OverdueReview> overdueReviews() {
        var scope = policy.visibleClientsSql("c");
        var rows = jdbc.query(
                """
                select c.code, p.next_review, c.counsellor_id from risk_plan p join client c on c.id = p.client_id
                where c.status <> 'CLOSED' and p.next_review < :today and %s
                order by p.next_review, c.code limit %d""".formatted(scope.condition(), OVERDUE_REVIEWS_SHOWN),
                scope.with(Map.of("today", today())),
                (rs, i) ->
                        new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, Long.class)});
        var names = names(
                rows.stream().map(r -> (Long) r[2]).filter(Objects::nonNull).toList());
        var result = rows.stream()
                .map(r -> new OverdueReview(
                        (String) r[0],
                        (LocalDate) r[1],
                        r[2] == null ? "Not assigned" : names.getOrDefault((Long) r[2], "?")))
                .toList();
        policy.recordListed(
                "risk-plan-overdue", result.stream().map(OverdueReview::code).toList());
        return result;
    }

    /** How many plans {@link #overdueReviews} would list without its limit. */
    @Transactional(readOnly = true)
    public long overdueReviewCount() {
        var scope = policy.visibleClientsSql("c");
        Long count =
                jdbc.queryForObject("""
                select count(*) from risk_plan p join client c on c.id = p.client_id
                where c.status <> 'CLOSED' and p.next_review < :today and %s""".formatted(scope.condition()), scope.with(Map.of("today", today())), Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Trigger dates of the signed-in person's own clients from {@code daysAfter} days ago to {@code daysBefore}
     * days ahead: the counsellor should check in before and just after each.
     */
    public List<CheckIn> checkInsDue(int daysBefore, int daysAfter) {
        var today = today();
        var scope = policy.visibleClientsSql("c");
        var rows = jdbc.query(
                """
                select c.code, t.kind, t.on_date from risk_trigger_date t join client c on c.id = t.client_id
                where c.counsellor_id = :scopeStaff and %s and c.status <> 'CLOSED' and t.on_date between :from and :to
                order by t.on_date, c.code""".formatted(scope.condition()),
                scope.with(Map.of("from", today.minusDays(daysAfter), "to", today.plusDays(daysBefore))),
                (rs, i) -> new CheckIn(
                        rs.getString(1), TriggerKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)));
        policy.recordListed(
                "risk-trigger-dates", rows.stream().map(CheckIn::code).toList());
        return rows;
    }

    LocalDate today() {
        return charity.today();
    }

    private RiskPlanVersion load(ClientAccess access, int number) {
        var plan = plans.findByClientId(access.id().value())
                .orElseThrow(() -> new InvalidFields("version", "This client has no plan yet."));
        return versions.findByPlanIdAndNumber(plan.id(), number)
                .orElseThrow(() -> new InvalidFields("version", "There is no version " + number + " of this plan."));
    }

    private PlanVersionView view(RiskPlanVersion version, Map<Long, String> names) {
        return new PlanVersionView(
                version.number(),
                content(version),
                version.riskToOthers(),
                version.riskToSelf(),
                encryption.openText(version.ratingRationale(), RiskPlanColumns.RATING_RATIONALE, version.id()),
                version.nextReview(),
                names.getOrDefault(version.createdBy(), "?"),
                version.createdAt());
    }

    private PlanContent content(RiskPlanVersion version) {
        var sealed = version.sections();
        var texts = new ArrayList<@Nullable String>();
        for (int i = 0; i < sealed.length; i++) {
            texts.add(encryption.openText(sealed[i], RiskPlanColumns.PLAN_SECTIONS[i], version.id()));
        }
        var agreed = actions.findByVersionIdOrderByPosition(version.id()).stream()
                .map(a -> new AgreedAction(
                        Objects.requireNonNull(encryption.openText(a.what(), RiskPlanColumns.ACTION_WHAT, a.id())),
                        encryption.openText(a.who(), RiskPlanColumns.ACTION_WHO, a.id()),
                        a.dueOn(),
                        a.done()))
                .toList();
        return PlanContent.of(texts, agreed);
    }

    private static String ratings(RiskPlanVersion version) {
        return "Risk to others: " + version.riskToOthers().label() + "\nRisk to self: "
                + version.riskToSelf().label() + "\nNext review: " + version.nextReview();
    }

    private List<ReviewView> reviewsOf(ClientAccess access) {
        var all = reviews.findByClientIdOrderByReviewedOnAscCreatedAtAsc(
                access.id().value());
        var names = names(all.stream().map(RiskReview::createdBy).toList());
        return all.stream()
                .map(r -> {
                    var scores = new EnumMap<RiskArea, Integer>(RiskArea.class);
                    var comments = new EnumMap<RiskArea, String>(RiskArea.class);
                    for (var area : RiskArea.values()) {
                        scores.put(area, r.scores()[area.ordinal()]);
                        var comment = encryption.openText(
                                r.comments()[area.ordinal()], RiskPlanColumns.REVIEW_COMMENTS[area.ordinal()], r.id());
                        if (comment != null) {
                            comments.put(area, comment);
                        }
                    }
                    return new ReviewView(
                            r.reviewedOn(),
                            Map.copyOf(scores),
                            Map.copyOf(comments),
                            names.getOrDefault(r.createdBy(), "?"));
                })
                .toList();
    }

    private List<TriggerDateView> triggersOf(ClientAccess access) {
        return triggerDates.findByClientIdOrderByOnDate(access.id().value()).stream()
                .map(t -> new TriggerDateView(
                        t.kind(), t.onDate(), encryption.openText(t.note(), RiskPlanColumns.TRIGGER_NOTE, t.id())))
                .toList();
    }

    private Map<Long, String> names(Collection<Long> ids) {
        Set<Long> unique = new HashSet<>(ids);
        return unique.isEmpty() ? Map.of() : staff.displayNames(unique);
    }
}
