package org.casebook.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is acting now. Services use it to decide and to record. */
@Component
public class CurrentUser {

    // The application's own strategy (Vaadin's session-aware one), not the static holder, which the
    // last Spring context to start in a JVM overwrites.
    private final SecurityContextHolderStrategy securityContext;

    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.securityContext = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<StaffUser> get() {
        var authentication = securityContext.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in member of staff; denied when nobody is signed in. */
    public StaffUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}
