package org.casebook.security;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * For demo data only: runs a piece of seeding as one of the fictional demo staff, so that it goes
 * through the same services, role checks, need-to-know and audit as a person would. Exists only in
 * the demo profile.
 */
@Component
@Profile("demo")
public class RunAsStaff {

    private final StaffUserDetailsService users;
    private final SecurityContextHolderStrategy securityContext;

    RunAsStaff(StaffUserDetailsService users, ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.users = users;
        this.securityContext = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public <T> T as(String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        var previous = securityContext.getContext();
        var context = securityContext.createEmptyContext();
        // Demo seeding stands in for a person who has signed in fully, both factors.
        context.setAuthentication(SecondFactor.completed(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        securityContext.setContext(context);
        try {
            return work.get();
        } finally {
            securityContext.setContext(previous);
        }
    }

    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
