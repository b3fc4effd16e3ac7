package org.casebook.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks staff up by username for other modules' internal use (for example to attribute a failed
 * sign-in to an existing account). Not a view-facing service: it returns no personal details.
 */
@Component
public class StaffDirectory {

    /** The identity of an account, nothing more. */
    public record StaffRef(long id, String username, Set<Role> roles) {}

    private final StaffAccountRepository accounts;

    StaffDirectory(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<StaffRef> findByUsername(String username) {
        return accounts.findByUsername(username).map(a -> new StaffRef(a.id(), a.username(), a.roles()));
    }
}
