package org.casebook.security;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own account, and what an administrator may do to anyone's. */
@Service
@Transactional
public class AccountService {

    private final StaffAccountRepository accounts;
    private final ApplicationEventPublisher events;

    AccountService(StaffAccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    /** Ends a lock-out and clears the count of failed sign-ins. */
    @RolesAllowed(Roles.ADMIN)
    public void unlock(long accountId) {
        var account = accounts.findById(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        accounts.resetFailedAttempts(account.username());
        events.publishEvent(new AccountUnlocked(account.id(), account.username()));
    }
}
