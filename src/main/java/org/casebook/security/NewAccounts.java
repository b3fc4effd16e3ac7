package org.casebook.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an account comes to exist, in one place: the checks on what was typed, the one-time password its
 * owner must replace at first sign-in (with no authenticator yet, so they also set one up), and the
 * audited announcement. Used by an administrator's {@link StaffAdministration} and by the first-install
 * command that creates the first administrator. Package-private: callers check who may create.
 */
@Component
class NewAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    // No look-alike characters (0/O, 1/l/I), so the password can be read out and typed without error.
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 5;

    private final StaffAccountRepository accounts;
    private final TeamRepository teams;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    NewAccounts(
            StaffAccountRepository accounts,
            TeamRepository teams,
            ApplicationEventPublisher events,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            Clock clock) {
        this.accounts = accounts;
        this.teams = teams;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Creates the account with a one-time password and announces it (audited as "account created", with
     * {@code how} before the roles in the detail).
     *
     * @throws AccountChangeRefused naming the field to correct
     */
    // A refusal is audited by the caller's transaction, which must still commit.
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccountChangeRefused.class)
    CreatedAccount create(NewStaffAccount account, String how) {
        var username = account.username().strip().toLowerCase(Locale.ROOT);
        var name = account.displayName().strip();
        var email = account.email().strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new AccountChangeRefused("displayName", "Enter the person's name (at most 120 characters).");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new AccountChangeRefused("username", StaffAdministration.USERNAME_FORMAT);
        }
        if (accounts.existsByUsernameIgnoreCase(username)) {
            throw new AccountChangeRefused("username", StaffAdministration.USERNAME_TAKEN);
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new AccountChangeRefused("email", "Enter an email address such as name@example.org.");
        }
        if (account.roles().isEmpty()) {
            throw new AccountChangeRefused("roles", StaffAdministration.NO_ROLE);
        }
        if (StaffAdministration.mixesAdministrationAndClinicalWork(account.roles())) {
            events.publishEvent(new AccountChangeDenied(
                    "staff-account", username, "administrator and clinical role on a new account"));
            throw new AccountChangeRefused("roles", StaffAdministration.NOT_ADMIN_AND_CLINICAL);
        }
        var password = oneTimePassword(username, name);
        var hash = passwordEncoder.encode(password);
        var created = new StaffAccount(username, name, email, hash, account.roles(), clock.instant());
        created.setTemporaryPassword(hash);
        created.joinTeam(team(account.teamId()));
        created = accounts.save(created);
        events.publishEvent(new AccountAdministered(
                created.id(), AccountAdministered.Change.CREATED, how + "; roles: " + labels(created.roles())));
        return new CreatedAccount(created.id(), username, password);
    }

    /** A generated password that passes the password policy, in groups that are easy to read out. */
    String oneTimePassword(String username, String displayName) {
        while (true) {
            var password = new StringBuilder();
            for (int group = 0; group < GROUPS; group++) {
                if (group > 0) {
                    password.append('-');
                }
                for (int i = 0; i < GROUP_LENGTH; i++) {
                    password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            if (policy.problem(password.toString(), username, displayName).isEmpty()) {
                return password.toString();
            }
        }
    }

    private @Nullable Team team(@Nullable Long teamId) {
        return teamId == null
                ? null
                : teams.findById(teamId).orElseThrow(() -> new IllegalArgumentException("no team " + teamId));
    }

    static String labels(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }
}
