package org.casebook.security;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does to staff accounts and teams. Every change is announced as an event, which
 * the audit module records in the same transaction, attributed to the signed-in administrator.
 *
 * <p>Separation of duties: nobody changes their own roles, team or team leadership; Administrator and a
 * clinical role (Counsellor, Supervisor) never meet on one account, and no administrator leads a team.
 * Such changes are refused outright, not put up for a second administrator's approval (a person who
 * does both jobs has two accounts), and every refusal is audited ({@link AccountChangeDenied}), so the
 * transaction commits despite the refusal: every refusal comes before any change.
 *
 * <p>A change of someone's roles, team or team leadership ends their live sessions, as deactivation
 * does: what they may open is decided afresh at their next sign-in.
 */
@Service
@Transactional(noRollbackFor = AccountChangeRefused.class)
@RolesAllowed(Roles.ADMIN)
public class StaffAdministration {

    public static final String CONCURRENT_EDIT = "Someone else changed this account while you were editing it. "
            + "Your changes were not saved: reopen the account to see the current values.";
    public static final String USERNAME_TAKEN = "This username is taken.";
    public static final String USERNAME_FORMAT =
            "Use 3 to 64 lower-case letters, digits, dots, hyphens or underscores.";
    public static final String NO_ROLE = "Choose at least one role.";
    public static final String NOT_OWN_ROLES = "You cannot change your own roles or team: ask another administrator.";
    public static final String NOT_ADMIN_AND_CLINICAL = "Administrator cannot be combined with Counsellor or "
            + "Supervisor on one account. Someone who needs both has two accounts: one to administer, one for "
            + "clinical work.";
    public static final String NOT_OWN_TEAM_LEADERSHIP = "You cannot change who leads a team you lead or make "
            + "yourself a team's supervisor: ask another administrator.";
    public static final String NOT_AN_ADMIN_SUPERVISOR =
            "An administrator cannot lead a team: choose a supervisor " + "who does not hold the Administrator role.";
    public static final String NOT_SELF = "You cannot deactivate your own account.";
    public static final String STILL_LEADS_A_TEAM =
            "This person leads %s: choose another supervisor for the team " + "before removing their Supervisor role.";
    public static final String NOT_A_SUPERVISOR = "Only a person who holds the Supervisor role can lead a team.";

    public static final String NOT_OWN_TWO_FACTOR =
            "You cannot reset your own two-factor sign-in: " + "ask another administrator.";
    public static final String TEAM_NAME_REQUIRED = "Enter a team name (at most 100 characters).";
    public static final String TEAM_NAME_TAKEN = "There is already a team with this name.";
    public static final String TEAM_CONCURRENT_EDIT = "Someone else changed this team while you were editing it. "
            + "Your new name was not saved: reopen the team to see the current name.";
    static final int TEAM_NAME_MAX = 100;

    private static final String ACCOUNT = "staff-account";
    private static final String TEAM = "team";

    private final StaffAccountRepository accounts;
    private final RecoveryCodeRepository recoveryCodes;
    private final TeamRepository teams;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ObjectProvider<SessionRegistry> sessionRegistry;
    private final NewAccounts newAccounts;

    StaffAdministration(
            StaffAccountRepository accounts,
            RecoveryCodeRepository recoveryCodes,
            TeamRepository teams,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            PasswordEncoder passwordEncoder,
            Clock clock,
            ObjectProvider<SessionRegistry> sessionRegistry,
            NewAccounts newAccounts) {
        this.newAccounts = newAccounts;
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.teams = teams;
        this.events = events;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.sessionRegistry = sessionRegistry;
    }

    /** Accounts whose name or username contains the search text, a page at a time (by name unless sorted). */
    @Transactional(readOnly = true)
    public Slice<StaffAccountSummary> accounts(String search, Pageable pageable) {
        var sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("displayName", "id"));
        return accounts.search(search.strip(), sorted).map(this::summary);
    }

    @Transactional(readOnly = true)
    public StaffAccountSummary account(long accountId) {
        return summary(find(accountId));
    }

    @Transactional(readOnly = true)
    public List<TeamSummary> teams() {
        return teams.findAllByOrderByName().stream()
                .map(StaffAdministration::summary)
                .toList();
    }

    /** The active people who hold the role, for choosing a team's supervisor. */
    @Transactional(readOnly = true)
    public List<StaffMember> activeWithRole(Role role) {
        return accounts.findActiveWithRole(role).stream()
                .map(a -> new StaffMember(a.id(), a.displayName(), a.roles()))
                .toList();
    }

    /**
     * Creates an account with a generated one-time password, which its owner must change at their first
     * sign-in. The password is returned once, for the administrator to pass on, and kept nowhere else.
     *
     * @throws AccountChangeRefused naming the field to correct
     */
    public CreatedAccount create(NewStaffAccount account) {
        return newAccounts.create(account, "account created");
    }

    /**
     * Changes roles and team. Refused when the account changed since the administrator read it (the
     * {@code version} of the summary they edited), so one administrator never overwrites another.
     */
    public StaffAccountSummary update(long accountId, long version, Set<Role> roles, @Nullable Long teamId) {
        var account = find(accountId);
        if (account.version() != version) {
            throw new AccountChangeRefused("form", CONCURRENT_EDIT);
        }
        if (roles.isEmpty()) {
            throw new AccountChangeRefused("roles", NO_ROLE);
        }
        var oldTeamId = account.team() == null ? null : account.team().id();
        boolean rolesChange = !account.roles().equals(roles);
        boolean teamChange = !java.util.Objects.equals(oldTeamId, teamId);
        if (isSelf(account) && (rolesChange || teamChange)) {
            events.publishEvent(new AccountChangeDenied(ACCOUNT, String.valueOf(account.id()), "own roles or team"));
            throw new AccountChangeRefused(rolesChange ? "roles" : "team", NOT_OWN_ROLES);
        }
        if (rolesChange && mixesAdministrationAndClinicalWork(roles)) {
            events.publishEvent(new AccountChangeDenied(
                    ACCOUNT, String.valueOf(account.id()), "administrator and clinical role on one account"));
            throw new AccountChangeRefused("roles", NOT_ADMIN_AND_CLINICAL);
        }
        if (account.roles().contains(Role.SUPERVISOR) && !roles.contains(Role.SUPERVISOR)) {
            var led = teams.findBySupervisor(account);
            if (!led.isEmpty()) {
                throw new AccountChangeRefused(
                        "roles", STILL_LEADS_A_TEAM.formatted(led.getFirst().name()));
            }
        }
        var team = team(teamId);
        if (rolesChange) {
            account.grantRoles(roles);
            events.publishEvent(new AccountAdministered(
                    account.id(), AccountAdministered.Change.ROLES_CHANGED, "roles: " + labels(roles)));
        }
        if (teamChange) {
            account.joinTeam(team);
            events.publishEvent(new AccountAdministered(
                    account.id(),
                    AccountAdministered.Change.TEAM_CHANGED,
                    team == null ? "no team" : "team: " + team.name()));
        }
        accounts.flush();
        if (rolesChange || teamChange) {
            expireSessionsOf(account.username());
        }
        return summary(account);
    }

    static boolean mixesAdministrationAndClinicalWork(Set<Role> roles) {
        return roles.contains(Role.ADMIN) && (roles.contains(Role.COUNSELLOR) || roles.contains(Role.SUPERVISOR));
    }

    /** Ends the person's access: they cannot sign in, and their open sessions end at once. */
    public void deactivate(long accountId) {
        var account = find(accountId);
        if (isSelf(account)) {
            events.publishEvent(new AccountChangeDenied(ACCOUNT, String.valueOf(account.id()), "own deactivation"));
            throw new AccountChangeRefused("form", NOT_SELF);
        }
        if (!account.enabled()) {
            return;
        }
        account.deactivate();
        expireSessionsOf(account.username());
        events.publishEvent(
                new AccountAdministered(account.id(), AccountAdministered.Change.DEACTIVATED, "account deactivated"));
    }

    public void reactivate(long accountId) {
        var account = find(accountId);
        if (account.enabled()) {
            return;
        }
        account.reactivate();
        events.publishEvent(
                new AccountAdministered(account.id(), AccountAdministered.Change.REACTIVATED, "account reactivated"));
    }

    /** Sets a new one-time password, returned once; the person must change it at their next sign-in. */
    public String resetPassword(long accountId) {
        var account = find(accountId);
        var password = temporaryPassword(account.username(), account.displayName());
        account.setTemporaryPassword(passwordEncoder.encode(password));
        expireSessionsOf(account.username());
        events.publishEvent(new AccountAdministered(
                account.id(), AccountAdministered.Change.PASSWORD_RESET, "temporary password set by an administrator"));
        return password;
    }

    /**
     * For a lost or replaced phone: forgets the person's authenticator secret and recovery codes, ends
     * their live sessions, and sets a one-time password, returned once for the administrator to hand
     * over in person. At their next sign-in the person sets up an app again (QR code, as at their first
     * sign-in) and then chooses a new password. The one-time password is what stops someone who only
     * knows the old password from enrolling their own phone in the gap. An administrator cannot reset
     * their own: that would let one stolen administrator password replace its own second factor.
     *
     * @throws AccountChangeRefused for the administrator's own account
     */
    public String resetTwoFactor(long accountId) {
        var account = find(accountId);
        if (isSelf(account)) {
            events.publishEvent(new AccountChangeDenied(ACCOUNT, String.valueOf(account.id()), "own two-factor reset"));
            throw new AccountChangeRefused("form", NOT_OWN_TWO_FACTOR);
        }
        var password = temporaryPassword(account.username(), account.displayName());
        account.setTemporaryPassword(passwordEncoder.encode(password));
        var username = account.username();
        accounts.forgetTotp(accountId); // flushes the password change first, then clears the session
        recoveryCodes.deleteAllOf(accountId);
        expireSessionsOf(username);
        events.publishEvent(new AccountAdministered(
                accountId,
                AccountAdministered.Change.TWO_FACTOR_RESET,
                "authenticator and recovery codes cleared; one-time password set"));
        return password;
    }

    /**
     * A new team, without a supervisor until one is set.
     *
     * @throws AccountChangeRefused on field {@code "teamName"} when the name is empty, too long or taken
     */
    public TeamSummary createTeam(String name) {
        var clean = teamName(name, null);
        var team = teams.saveAndFlush(new Team(clean));
        events.publishEvent(new TeamAdministered(team.id(), TeamAdministered.Change.CREATED, "team: " + clean));
        return summary(team);
    }

    /**
     * Renames a team. Refused when the team changed since the administrator read it ({@code version}).
     *
     * @throws AccountChangeRefused on field {@code "teamName"} (bad or taken name) or {@code "team"} (conflict)
     */
    public TeamSummary renameTeam(long teamId, long version, String name) {
        var team = teams.findById(teamId).orElseThrow(() -> new IllegalArgumentException("no team " + teamId));
        if (team.version() != version) {
            throw new AccountChangeRefused("team", TEAM_CONCURRENT_EDIT);
        }
        var clean = teamName(name, team);
        if (clean.equals(team.name())) {
            return summary(team);
        }
        var old = team.name();
        team.rename(clean);
        teams.flush();
        events.publishEvent(new TeamAdministered(
                team.id(), TeamAdministered.Change.RENAMED, "renamed from " + old + " to " + clean));
        return summary(team);
    }

    private String teamName(String name, @Nullable Team renamed) {
        var clean = name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > TEAM_NAME_MAX) {
            throw new AccountChangeRefused("teamName", TEAM_NAME_REQUIRED);
        }
        var same = teams.findByNameIgnoreCase(clean);
        if (same.isPresent() && (renamed == null || same.get().id() != renamed.id())) {
            throw new AccountChangeRefused("teamName", TEAM_NAME_TAKEN);
        }
        return clean;
    }

    /**
     * Makes the person lead the team; they must hold the Supervisor role, be active and not be an
     * administrator. Nobody changes the leadership of a team they lead, nor makes themself a supervisor.
     * The old and the new supervisor's live sessions end.
     */
    public void setSupervisor(long teamId, long supervisorId) {
        var team = teams.findById(teamId).orElseThrow(() -> new IllegalArgumentException("no team " + teamId));
        var supervisor = find(supervisorId);
        var previous = team.supervisor();
        if (isSelf(supervisor) || (previous != null && isSelf(previous))) {
            events.publishEvent(new AccountChangeDenied(TEAM, String.valueOf(team.id()), "own team leadership"));
            throw new AccountChangeRefused("supervisor", NOT_OWN_TEAM_LEADERSHIP);
        }
        if (supervisor.roles().contains(Role.ADMIN)) {
            events.publishEvent(
                    new AccountChangeDenied(TEAM, String.valueOf(team.id()), "administrator as team supervisor"));
            throw new AccountChangeRefused("supervisor", NOT_AN_ADMIN_SUPERVISOR);
        }
        if (!supervisor.roles().contains(Role.SUPERVISOR) || !supervisor.enabled()) {
            throw new AccountChangeRefused("supervisor", NOT_A_SUPERVISOR);
        }
        if (previous != null && previous.id() == supervisor.id()) {
            return;
        }
        team.ledBy(supervisor);
        events.publishEvent(new TeamSupervisorChanged(team.id(), supervisor.id()));
        if (previous != null) {
            expireSessionsOf(previous.username());
        }
        expireSessionsOf(supervisor.username());
    }

    private void expireSessionsOf(String username) {
        var registry = sessionRegistry.getIfAvailable();
        if (registry == null) {
            return; // command-line mode: no web sessions
        }
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof StaffUser user && user.getUsername().equals(username)) {
                registry.getAllSessions(principal, false).forEach(session -> session.expireNow());
            }
        }
    }

    private String temporaryPassword(String username, String displayName) {
        return newAccounts.oneTimePassword(username, displayName);
    }

    private boolean isSelf(StaffAccount account) {
        return currentUser.require().accountId() == account.id();
    }

    private StaffAccount find(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
    }

    private @Nullable Team team(@Nullable Long teamId) {
        return teamId == null
                ? null
                : teams.findById(teamId).orElseThrow(() -> new IllegalArgumentException("no team " + teamId));
    }

    private StaffAccountSummary summary(StaffAccount a) {
        var team = a.team();
        var lockedUntil = a.lockedUntil();
        return new StaffAccountSummary(
                a.id(),
                a.version(),
                a.displayName(),
                a.username(),
                a.email(),
                EnumSet.copyOf(a.roles().isEmpty() ? EnumSet.noneOf(Role.class) : a.roles()),
                team == null ? null : team.id(),
                team == null ? null : team.name(),
                a.enabled(),
                lockedUntil != null && lockedUntil.isAfter(clock.instant()));
    }

    private static TeamSummary summary(Team team) {
        var supervisor = team.supervisor();
        return new TeamSummary(
                team.id(),
                team.name(),
                supervisor == null ? null : supervisor.id(),
                supervisor == null ? null : supervisor.displayName(),
                team.version());
    }

    private static String labels(Set<Role> roles) {
        return NewAccounts.labels(roles);
    }
}
