package org.casebook.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads staff accounts for sign-in. */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccountRepository accounts;

    StaffUserDetailsService(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.findByUsername(username)
                // The message never reaches the person signing in: the login form shows one text for every failure.
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return new StaffUser(
                account.id(),
                account.username(),
                account.passwordHash(),
                account.enabled(),
                account.displayName(),
                account.roles());
    }
}
