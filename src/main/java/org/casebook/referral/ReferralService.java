package org.casebook.referral;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.CaseStatus;
import org.casebook.client.ChildAtRiskReported;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientId;
import org.casebook.client.ClientRecords;
import org.casebook.client.NewClient;
import org.casebook.client.SafeContact;
import org.casebook.client.TeamCase;
import org.casebook.encryption.FieldEncryption;
import org.casebook.referral.ReferralChoices.ClosureReason;
import org.casebook.referral.ReferralViews.CounsellorOption;
import org.casebook.referral.ReferralViews.FlaggedReferral;
import org.casebook.referral.ReferralViews.QueueRow;
import org.casebook.referral.ReferralViews.ReceivedReferral;
import org.casebook.referral.ReferralViews.ReferralDetails;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffMember;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake, triage, the waiting list, assignment, exclusions and closing a case. Counsellors and supervisors
 * take referrals; supervisors triage, prioritise, assign and exclude for the teams they lead; a case is
 * closed by its supervisor or its counsellor. Every step goes through {@link ClientRecords}, which allows
 * only the legal moves of a case and audits them.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ReferralService {

    /** An arrest this recent makes a referral urgent: the weeks after an arrest carry a very high risk of suicide. */
    public static final int RECENT_ARREST_DAYS = 14;

    static final int MIN_REASON = 5;
    private static final Pattern POSTCODE_DISTRICT = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]?");
    private static final Pattern POSTCODE_AREA = Pattern.compile("[A-Z]{1,2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ReferralRepository referrals;
    private final CounsellorAreaRepository areas;
    private final ClientRecords records;
    private final CaseAccessPolicy policy;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final FieldEncryption encryption;
    private final BlindIndex blindIndex;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    ReferralService(
            ReferralRepository referrals,
            CounsellorAreaRepository areas,
            ClientRecords records,
            CaseAccessPolicy policy,
            StaffDirectory staff,
            CurrentUser currentUser,
            FieldEncryption encryption,
            BlindIndex blindIndex,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock,
            CharityClock charity) {
        this.referrals = referrals;
        this.areas = areas;
        this.records = records;
        this.policy = policy;
        this.staff = staff;
        this.currentUser = currentUser;
        this.encryption = encryption;
        this.blindIndex = blindIndex;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /**
     * Existing clients who may be the same person (same phone, same email, or same name and year of birth).
     * Only clients the person may open are shown, by client code; of any other match they learn only that
     * one exists ({@link DuplicateCheck#ELSEWHERE}), and the referral, once saved, is flagged for its team's
     * supervisors. Every match is audited, a hidden one against the matched client, so that its own team's
     * supervisor sees it in the audit log.
     */
    public DuplicateCheck possibleDuplicates(NewReferral referral) {
        var phone = blindIndex.phone(referral.phone());
        var email = blindIndex.email(referral.email());
        var nameYear = blindIndex.nameAndYear(referral.preferredName(), referral.yearOfBirth());
        if (phone == null && email == null && nameYear == null) {
            return DuplicateCheck.NONE;
        }
        var matches = referrals.findMatches(
                Objects.requireNonNullElse(phone, "-"),
                Objects.requireNonNullElse(email, "-"),
                Objects.requireNonNullElse(nameYear, "-"));
        var matchedOn = new java.util.LinkedHashMap<ClientId, String>();
        for (Object[] row : matches) {
            matchedOn.putIfAbsent(new ClientId((UUID) row[0]), (String) row[1]);
        }
        var mayOpen = policy.allowedAmong(matchedOn.keySet());
        var found = new ArrayList<PossibleDuplicate>();
        boolean elsewhere = false;
        for (var match : matchedOn.entrySet()) {
            var client = records.teamCase(match.getKey());
            if (client.isEmpty()) {
                continue;
            }
            var code = client.get().code();
            if (mayOpen.contains(match.getKey())) {
                found.add(new PossibleDuplicate(code, client.get().status(), match.getValue()));
                audit.record(AuditEvent.of(AuditAction.VIEW, "possible-duplicate", code)
                        .forClient(code)
                        .because("shown at intake: same " + match.getValue()));
            } else {
                elsewhere = true;
                audit.record(AuditEvent.of(AuditAction.VIEW, "possible-duplicate", code)
                        .forClient(code)
                        .because("matched at intake, not shown; supervisor told"));
            }
        }
        found.sort(java.util.Comparator.comparing(PossibleDuplicate::code));
        return new DuplicateCheck(found, elsewhere);
    }

    /**
     * Records a referral: a new client (received) in the team of the person taking it, and what was learned.
     * A disclosed child at risk is reported at once ({@link ChildAtRiskReported}, same transaction).
     *
     * @param duplicatesSeen whether the person has been shown {@link #possibleDuplicates} for this referral
     * @throws InvalidFields with a message per field
     * @throws PossibleDuplicatesFound when there are possible duplicates and the person has not seen them
     */
    public ReceivedReferral receive(NewReferral referral, boolean duplicatesSeen) {
        validate(referral);
        var duplicates = possibleDuplicates(referral);
        if (!duplicatesSeen && !duplicates.isEmpty()) {
            throw new PossibleDuplicatesFound(duplicates);
        }
        var user = currentUser.require();
        var teamId = teamOfReceiver(user.accountId(), user.hasRole(Role.SUPERVISOR));
        var receivedOn = Objects.requireNonNull(referral.receivedOn());
        var created = records.create(new NewClient(
                receivedOn,
                Objects.requireNonNull(referral.preferredName()).strip(),
                referral.yearOfBirth(),
                referral.postcodeDistrict(),
                new SafeContact(
                        org.casebook.validation.Text.clean(referral.phone()),
                        org.casebook.validation.Text.clean(referral.email()),
                        org.casebook.validation.Text.clean(referral.postalAddress()),
                        referral.voicemailOk(),
                        referral.textOk(),
                        referral.letterOk(),
                        referral.emailOk(),
                        org.casebook.validation.Text.clean(referral.bestTimes()),
                        org.casebook.validation.Text.clean(referral.contactNotes())),
                teamId));
        var id = created.id().value();
        var legal = Objects.requireNonNull(referral.legalStatus());
        var row = new Referral(
                id,
                teamId,
                receivedOn,
                Objects.requireNonNull(referral.source()),
                Objects.requireNonNull(referral.presentingConcern()),
                legal,
                legal.mayHaveArrest() ? referral.arrestedOn() : null,
                Objects.requireNonNull(referral.accessToChildren()),
                referral.selfHarmRisk(),
                Objects.requireNonNull(referral.urgency()),
                user.accountId(),
                clock.instant());
        row.sealedText(
                referral.source() == ReferralChoices.Source.SELF
                        ? null
                        : encryption.sealText(referral.referrerContact(), ReferralColumns.REFERRER_CONTACT, id),
                encryption.sealText(referral.summary(), ReferralColumns.SUMMARY, id));
        if (referral.childAtRisk()) {
            row.childAtRisk(Objects.requireNonNull(
                    encryption.sealText(referral.childAtRiskDetails(), ReferralColumns.CHILD_DETAILS, id)));
        }
        row.matchBy(
                blindIndex.phone(referral.phone()),
                blindIndex.email(referral.email()),
                blindIndex.nameAndYear(referral.preferredName(), referral.yearOfBirth()));
        if (duplicates.matchElsewhere()) {
            row.matchesElsewhere();
        }
        referrals.save(row);
        var created_ =
                AuditEvent.of(AuditAction.CREATE, "referral", created.code()).forClient(created.code());
        audit.record(
                duplicates.matchElsewhere()
                        ? created_.because("possible match in another team flagged for triage")
                        : created_);
        if (referral.childAtRisk()) {
            audit.record(AuditEvent.of(AuditAction.SAFEGUARDING_RAISED, "referral", created.code())
                    .forClient(created.code()));
            events.publishEvent(new ChildAtRiskReported(
                    created.id(),
                    created.code(),
                    Objects.requireNonNull(referral.childAtRiskDetails()).strip(),
                    referral.childInImmediateDanger(),
                    receivedOn,
                    "referral"));
        }
        var because = urgentBecause(row);
        return new ReceivedReferral(created.code(), because != null, because, referral.childAtRisk());
    }

    /** The referral behind a client, for the client page. Audited as a view (so not a read-only transaction). */
    public java.util.Optional<ReferralDetails> referral(String code) {
        var access = policy.require(code);
        var found = referrals.findById(access.id().value());
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        var r = found.get();
        policy.recordView(
                access,
                AuditEvent.of(AuditAction.VIEW, "referral", access.code()).forClient(access.code()));
        var id = r.id();
        return java.util.Optional.of(new ReferralDetails(
                access.code(),
                r.source(),
                encryption.openText(r.referrerContact(), ReferralColumns.REFERRER_CONTACT, id),
                r.receivedOn(),
                r.presentingConcern(),
                r.legalStatus(),
                r.arrestedOn(),
                r.accessToChildren(),
                r.childAtRisk(),
                encryption.openText(r.childDetails(), ReferralColumns.CHILD_DETAILS, id),
                r.selfHarmRisk(),
                r.urgency(),
                urgentBecause(r),
                encryption.openText(r.summary(), ReferralColumns.SUMMARY, id),
                r.eligible(),
                encryption.openText(r.triageReason(), ReferralColumns.TRIAGE_REASON, id)));
    }

    /**
     * Triage by the supervisor of the client's team: eligible moves the case to triaged (ready for the
     * waiting list); not eligible closes it with the reason.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public void triage(String code, boolean eligible, String reason) {
        var access = asTeamSupervisor(policy.requireChange(code, "client"));
        var why = requireReason(reason, "Say why the person is " + (eligible ? "" : "not ") + "eligible.");
        var referral = referrals
                .findById(access.id().value())
                .orElseThrow(
                        () -> new IllegalStateException("Client " + access.code() + " has no referral to triage."));
        records.moveTo(access.id(), CaseStatus.TRIAGED, eligible ? "eligible" : "not eligible");
        referral.triaged(
                eligible,
                encryption.sealText(why, ReferralColumns.TRIAGE_REASON, referral.id()),
                access(),
                clock.instant());
        if (!eligible) {
            records.close(access.id(), ClosureReason.NOT_ELIGIBLE.name(), why);
        }
    }

    /** Puts a triaged case on the team's waiting list; priority 1 is most urgent, 3 least. */
    @RolesAllowed(Roles.SUPERVISOR)
    public void addToWaitingList(String code, int priority) {
        var access = asTeamSupervisor(policy.requireChange(code, "client"));
        if (priority < 1 || priority > 3) {
            throw new InvalidFields("priority", "Priority is 1 (most urgent), 2 or 3.");
        }
        records.addToWaitingList(access.id(), priority);
    }

    /** The waiting list of the teams the supervisor leads: by priority, then the date the referral came. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<QueueRow> waitingList() {
        return listed("waiting-list", queue(EnumSet.of(CaseStatus.WAITING)));
    }

    /** The most rows one page of a queue holds. */
    public static final int QUEUE_PAGE = 50;

    /** A page (at most {@link #QUEUE_PAGE}) of the waiting list of the supervisor's teams: by priority, then date received. */
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional // audited: the list names clients
    public List<QueueRow> waitingList(org.springframework.data.domain.Pageable page) {
        return listed("waiting-list", queue(EnumSet.of(CaseStatus.WAITING), page));
    }

    /** How many are on the waiting list of the supervisor's teams (leaving out clients they are excluded from). */
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional(readOnly = true)
    public long waitingCount() {
        return records.countTeamCases(staff.teamsLedBy(access()), EnumSet.of(CaseStatus.WAITING), access());
    }

    /** A page of the clients of the supervisor's teams assigned and not yet seen. */
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional // audited: the list names clients
    public List<QueueRow> assignedNotSeen(org.springframework.data.domain.Pageable page) {
        return listed("assigned-not-seen", queue(EnumSet.of(CaseStatus.ASSIGNED), page));
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional(readOnly = true)
    public long assignedNotSeenCount() {
        return records.countTeamCases(staff.teamsLedBy(access()), EnumSet.of(CaseStatus.ASSIGNED), access());
    }

    /** Referrals of the supervisor's teams still to triage or to put on the waiting list. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<QueueRow> toTriage() {
        // A child at risk before anything else, then other urgent referrals, then the longest waiting.
        return listed(
                "triage-queue",
                queue(EnumSet.of(CaseStatus.RECEIVED, CaseStatus.TRIAGED)).stream()
                        .sorted(java.util.Comparator.comparing((QueueRow row) -> !row.childAtRisk())
                                .thenComparing(row -> !row.urgent())
                                .thenComparing(QueueRow::receivedOn))
                        .toList());
    }

    /** Clients of the supervisor's teams assigned to a counsellor and not yet seen. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<QueueRow> assignedNotSeen() {
        return listed("assigned-not-seen", queue(EnumSet.of(CaseStatus.ASSIGNED)));
    }

    /**
     * The counsellors of the supervisor's teams who may take this client: never one excluded from it, nor
     * the one who has it already; with their open caseload and postcode area.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional(readOnly = true)
    public List<CounsellorOption> assignmentOptions(String code) {
        var access = asTeamSupervisor(policy.require(code));
        var excluded = records.excludedStaff(access.id());
        var candidates = staff.activeCounsellorsIn(staff.teamsLedBy(access())).stream()
                .filter(c -> !excluded.contains(c.id()))
                .filter(c -> !Long.valueOf(c.id()).equals(access.counsellorId()))
                .toList();
        var ids = candidates.stream().map(StaffMember::id).collect(Collectors.toSet());
        var sizes = records.openCaseloadSizes(ids);
        var areaOf = areas.findAllById(ids).stream()
                .collect(Collectors.toMap(CounsellorArea::staffId, CounsellorArea::postcodeArea));
        return candidates.stream()
                .map(c -> new CounsellorOption(
                        c.id(), c.displayName(), sizes.getOrDefault(c.id(), 0L), areaOf.get(c.id())))
                .sorted(java.util.Comparator.comparingLong(CounsellorOption::openCases)
                        .thenComparing(CounsellorOption::name))
                .toList();
    }

    /** Assigns (or reassigns) the client to a counsellor of the supervisor's team, with a reason (audited). */
    @RolesAllowed(Roles.SUPERVISOR)
    public void assign(String code, long counsellorId, String reason) {
        var access = asTeamSupervisor(policy.requireChange(code, "client"));
        var why = requireReason(reason, "Say why this counsellor (at least " + MIN_REASON + " characters).");
        if (policy.isExcluded(access.id(), counsellorId)) {
            throw new InvalidFields("counsellor", "This counsellor is excluded from client " + access.code() + ".");
        }
        if (Long.valueOf(counsellorId).equals(access.counsellorId())) {
            throw new InvalidFields(
                    "counsellor", "Client " + access.code() + " is already assigned to this counsellor.");
        }
        var teams = staff.teamsLedBy(access());
        var member = staff.activeCounsellorsIn(teams).stream()
                .filter(c -> c.id() == counsellorId)
                .findFirst()
                .orElseThrow(() -> new InvalidFields("counsellor", "Choose an active counsellor of your team."));
        records.assign(access.id(), member.id(), staff.teamOf(member.id()).orElse(access.teamId()), why);
    }

    /** Staff of the supervisor's teams who could be excluded from this client (not yet excluded, not its counsellor). */
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional(readOnly = true)
    public List<StaffMember> exclusionOptions(String code) {
        var access = asTeamSupervisor(policy.require(code));
        var excluded = records.excludedStaff(access.id());
        return staff.activeCounsellorsIn(staff.teamsLedBy(access())).stream()
                .filter(c -> !excluded.contains(c.id()) && !Long.valueOf(c.id()).equals(access.counsellorId()))
                .toList();
    }

    /**
     * Excludes a member of staff from this client for good (a conflict of interest): they are never offered
     * it and can never open it, not even by break-glass.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public void exclude(String code, long staffId, String reason) {
        var access = asTeamSupervisor(policy.requireChange(code, "client"));
        var why = requireReason(reason, "Say why this person must not work with the client.");
        if (staff.member(staffId).isEmpty()) {
            throw new InvalidFields("staff", "No such member of staff.");
        }
        if (staffId == access()) {
            throw new InvalidFields(
                    "staff", "Ask another supervisor to exclude you: a supervisor cannot exclude themselves.");
        }
        records.exclude(access.id(), staffId, why, access());
    }

    /** Closes the case (its team's supervisor or its counsellor) with a reason and a closing summary. */
    public void close(String code, ClosureReason reason, String summary) {
        var access = policy.requireChange(code, "client");
        if (reason == null) {
            throw new InvalidFields("reason", "Choose why the case is closed.");
        }
        var text = Text.check("summary", summary, Text.PARAGRAPH);
        if (text == null || text.length() < 10) {
            throw new InvalidFields("summary", "Write a closing summary (at least 10 characters).");
        }
        records.close(access.id(), reason.name(), text);
    }

    /** Referrals of the supervisor's teams that disclosed an identifiable child at risk and are not yet triaged. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<FlaggedReferral> flaggedChildAtRisk() {
        var teams = staff.teamsLedBy(access());
        if (teams.isEmpty()) {
            return List.of();
        }
        var rows = referrals.findUntriagedChildAtRisk(teams);
        var visible = policy.visibleOnly(rows, row -> new ClientId((UUID) row[0]));
        var result = new ArrayList<FlaggedReferral>();
        for (Object[] row : visible) {
            records.teamCase(new ClientId((UUID) row[0]))
                    .filter(c -> c.status().isOpen())
                    .ifPresent(c -> result.add(new FlaggedReferral(c.code(), (LocalDate) row[1])));
        }
        policy.recordListed(
                "child-at-risk-referrals",
                result.stream().map(FlaggedReferral::code).toList());
        return result;
    }

    /** Records the postcode area (such as "LS") a counsellor of the supervisor's team works in. */
    @RolesAllowed(Roles.SUPERVISOR)
    public void setPostcodeArea(long counsellorId, String area) {
        var tidy = area == null ? "" : area.strip().toUpperCase(java.util.Locale.ROOT);
        if (!POSTCODE_AREA.matcher(tidy).matches()) {
            throw new InvalidFields("area", "A postcode area is one or two letters, such as LS or M.");
        }
        if (staff.activeCounsellorsIn(staff.teamsLedBy(access())).stream().noneMatch(c -> c.id() == counsellorId)) {
            throw new AccessDeniedException("Only for counsellors of your team.");
        }
        areas.findById(counsellorId)
                .ifPresentOrElse(a -> a.moveTo(tidy), () -> areas.save(new CounsellorArea(counsellorId, tidy)));
        audit.record(AuditEvent.of(AuditAction.UPDATE, "counsellor-area", String.valueOf(counsellorId)));
    }

    // -- helpers

    private List<QueueRow> queue(Set<CaseStatus> statuses) {
        var teams = staff.teamsLedBy(access());
        return rows(policy.visibleOnly(records.teamCases(teams, statuses), TeamCase::id));
    }

    private List<QueueRow> queue(Set<CaseStatus> statuses, org.springframework.data.domain.Pageable page) {
        var teams = staff.teamsLedBy(access());
        int size = Math.min(Math.max(page.getPageSize(), 1), QUEUE_PAGE);
        var bounded = org.springframework.data.domain.PageRequest.of((int) (page.getOffset() / size), size);
        return rows(policy.visibleOnly(records.teamCases(teams, statuses, access(), bounded), TeamCase::id));
    }

    private List<QueueRow> rows(List<TeamCase> cases) {
        var byId = referrals.findAllById(cases.stream().map(c -> c.id().value()).toList()).stream()
                .collect(Collectors.toMap(Referral::id, r -> r));
        var names = staff.displayNames(cases.stream()
                .map(TeamCase::counsellorId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return cases.stream()
                .map(c -> {
                    var r = byId.get(c.id().value());
                    return new QueueRow(
                            c.code(),
                            c.status(),
                            c.priority(),
                            c.receivedOn(),
                            r == null ? null : r.source(),
                            r == null ? null : urgentBecause(r),
                            r != null && r.childAtRisk(),
                            r != null && r.matchElsewhere(),
                            c.counsellorId() == null ? null : names.get(c.counsellorId()));
                })
                .toList();
    }

    private List<QueueRow> listed(String listName, List<QueueRow> rows) {
        policy.recordListed(listName, rows.stream().map(QueueRow::code).toList());
        return rows;
    }

    /** Why a referral is urgent, or null when it is not. */
    @Nullable
    String urgentBecause(Referral r) {
        return urgentBecause(r.childAtRisk(), r.selfHarmRisk(), r.arrestedOn(), r.urgency());
    }

    /**
     * The urgency rule, in one place, for a referral being typed as much as for one received: a child who may be
     * at risk, a risk of self-harm, an arrest within {@value #RECENT_ARREST_DAYS} days, or urgency chosen at
     * intake. Null when none applies.
     */
    public @Nullable String urgentBecause(
            boolean childAtRisk,
            boolean selfHarmRisk,
            java.time.@Nullable LocalDate arrestedOn,
            ReferralChoices.@Nullable Urgency urgency) {
        var reasons = new ArrayList<String>();
        if (childAtRisk) {
            reasons.add("an identifiable child may be at risk");
        }
        if (selfHarmRisk) {
            reasons.add("risk of self-harm");
        }
        if (arrestedOn != null && ChronoUnit.DAYS.between(arrestedOn, charity.today()) <= RECENT_ARREST_DAYS) {
            reasons.add("arrested on " + org.casebook.ui.Dates.day(arrestedOn)
                    + ": the weeks after an arrest carry a very high risk of suicide");
        }
        if (urgency == ReferralChoices.Urgency.URGENT) {
            reasons.add("marked urgent at intake");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private ClientAccess asTeamSupervisor(ClientAccess access) {
        if (access.teamId() == null || !staff.teamsLedBy(access()).contains(access.teamId())) {
            audit.recordRefusal(AuditEvent.of(AuditAction.UPDATE, "client", access.code())
                    .forClient(access.code())
                    .because("not the supervisor of the client's team"));
            throw new AccessDeniedException("Only the supervisor of client " + access.code() + "'s team can do this.");
        }
        return access;
    }

    private long access() {
        return currentUser.require().accountId();
    }

    private @Nullable Long teamOfReceiver(long staffId, boolean supervisor) {
        if (supervisor) {
            var led = staff.teamsLedBy(staffId);
            if (!led.isEmpty()) {
                return led.stream().sorted().findFirst().orElseThrow();
            }
        }
        return staff.teamOf(staffId).orElse(null);
    }

    private void validate(NewReferral r) {
        Map<String, String> errors = new LinkedHashMap<>();
        var today = charity.today();
        if (r.source() == null) {
            errors.put("source", "Choose who referred the person.");
        } else if (r.source() != ReferralChoices.Source.SELF && isBlank(r.referrerContact())) {
            errors.put("referrerContact", "Give the referrer's name and how to reach them.");
        }
        if (r.receivedOn() == null) {
            errors.put("receivedOn", "Give the date the referral was received.");
        } else if (r.receivedOn().isAfter(today)) {
            errors.put("receivedOn", "The date received cannot be in the future.");
        } else if (r.receivedOn().isBefore(today.minusYears(2))) {
            errors.put("receivedOn", "The date received is more than two years ago; check it.");
        }
        if (isBlank(r.preferredName())) {
            errors.put("preferredName", "Give the name the person would like to be called.");
        }
        var yearProblem = DateRange.yearOfBirthProblem(r.yearOfBirth(), today);
        if (yearProblem != null) {
            errors.put("yearOfBirth", yearProblem);
        }
        if (!isBlank(r.postcodeDistrict())
                && !POSTCODE_DISTRICT
                        .matcher(r.postcodeDistrict().strip().toUpperCase(java.util.Locale.ROOT))
                        .matches()) {
            errors.put("postcodeDistrict", "Give the first half of the postcode only, such as LS6 or M14.");
        }
        if (isBlank(r.phone()) && isBlank(r.email()) && isBlank(r.postalAddress())) {
            errors.put("phone", "Give at least one way to reach the person: phone, email or address.");
        } else if (!isBlank(r.phone()) && r.phone().replaceAll("\\D", "").length() < 6) {
            errors.put("phone", "This does not look like a phone number.");
        }
        if (!isBlank(r.email()) && !EMAIL.matcher(r.email().strip()).matches()) {
            errors.put("email", "This does not look like an email address.");
        }
        if (r.textOk() && isBlank(r.phone())) {
            errors.putIfAbsent("phone", "Texts are allowed: give the phone number to text.");
        }
        if (r.emailOk() && isBlank(r.email())) {
            errors.putIfAbsent("email", "Email is allowed: give the address to write to.");
        }
        if (r.letterOk() && isBlank(r.postalAddress())) {
            errors.put("postalAddress", "Letters are allowed: give the address to write to.");
        }
        if (r.presentingConcern() == null) {
            errors.put("presentingConcern", "Choose the presenting concern.");
        }
        if (r.legalStatus() == null) {
            errors.put("legalStatus", "Choose the legal status (or none known).");
        }
        if (r.arrestedOn() != null && r.arrestedOn().isAfter(today)) {
            errors.put("arrestedOn", "The arrest date cannot be in the future.");
        } else if (DateRange.LIFETIME.problem(r.arrestedOn(), today) != null) {
            errors.put("arrestedOn", DateRange.LIFETIME.problem(r.arrestedOn(), today));
        }
        if (r.accessToChildren() == null) {
            errors.put("accessToChildren", "Say whether the person has access to children (or not known).");
        }
        if (r.childAtRisk() && isBlank(r.childAtRiskDetails())) {
            errors.put("childAtRiskDetails", "Say what was disclosed about the child at risk.");
        }
        if (r.urgency() == null) {
            errors.put("urgency", "Choose the urgency.");
        }
        for (var field : List.of(
                new Limited("referrerContact", r.referrerContact(), Text.REASON),
                new Limited("preferredName", r.preferredName(), Text.NAME),
                new Limited("postcodeDistrict", r.postcodeDistrict(), Text.NAME),
                new Limited("phone", r.phone(), Text.NAME),
                new Limited("email", r.email(), Text.LINE),
                new Limited("postalAddress", r.postalAddress(), Text.REASON),
                new Limited("bestTimes", r.bestTimes(), Text.LINE),
                new Limited("contactNotes", r.contactNotes(), Text.PARAGRAPH),
                new Limited("childAtRiskDetails", r.childAtRiskDetails(), Text.SECTION),
                new Limited("summary", r.summary(), Text.PARAGRAPH))) {
            var problem = Text.lengthProblem(field.text(), field.max());
            if (problem != null) {
                errors.put(field.name(), problem); // the length is the thing to fix first
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
    }

    private record Limited(String name, @Nullable String text, int max) {}

    private static String requireReason(@Nullable String reason, String message) {
        var why = Text.check("reason", reason, Text.REASON);
        if (why == null || why.length() < MIN_REASON) {
            throw new InvalidFields("reason", message);
        }
        return why;
    }

    private static boolean isBlank(@Nullable String text) {
        return Text.isBlank(text);
    }
}
