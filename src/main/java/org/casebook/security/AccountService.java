package org.casebook.security;

import jakarta.annotation.security.RolesAllowed;
import org.casebook.security.PasswordChangeRefused.Field;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own account, and what an administrator may do to anyone's. */
@Service
@Transactional
public class AccountService {

    static final String WRONG_CURRENT_PASSWORD = "That is not your current password.";
    static final String SAME_AS_CURRENT = "Choose a password different from your current one.";

    private final StaffAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;

    AccountService(
            StaffAccountRepository accounts,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            SignInThrottle throttle) {
        this.accounts = accounts;
        this.events = events;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.throttle = throttle;
    }

    /**
     * Changes the signed-in person's password, after checking their current one and the policy. A wrong
     * current password counts as a failed sign-in, so an unattended session is no way round the
     * throttling (the count is kept although the change is refused).
     *
     * @throws PasswordChangeRefused naming the field to correct
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = PasswordChangeRefused.class)
    public void changePassword(String currentPassword, String newPassword) {
        var account = accounts.findById(currentUser.require().accountId())
                .orElseThrow(() -> new IllegalStateException("signed-in account no longer exists"));
        throttle.pause(throttle.delayFor(account.username()));
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throttle.recordFailure(account.username());
            throw new PasswordChangeRefused(Field.CURRENT_PASSWORD, WRONG_CURRENT_PASSWORD);
        }
        var problem = policy.problem(newPassword, account.username(), account.displayName());
        if (problem.isPresent()) {
            throw new PasswordChangeRefused(Field.NEW_PASSWORD, problem.get());
        }
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            throw new PasswordChangeRefused(Field.NEW_PASSWORD, SAME_AS_CURRENT);
        }
        account.changePassword(passwordEncoder.encode(newPassword));
        events.publishEvent(new PasswordChanged(account.id(), account.username()));
    }

    /** Whether the signed-in person holds a one-time password an administrator set, and must change it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return accounts.mustChangePassword(currentUser.require().accountId()).orElse(false);
    }

    /** Ends a lock-out and clears the counts of failed passwords and refused codes. */
    @RolesAllowed(Roles.ADMIN)
    public void unlock(long accountId) {
        var account =
                accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        throttle.unlock(account.username());
        events.publishEvent(new AccountUnlocked(account.id(), account.username()));
    }
}
