package org.casebook.security;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start while the database holds any demo account: their password is
 * published in the README. Runs before the web server opens its port.
 */
@Component
@Profile("prod")
class DemoAccountGuard implements SmartInitializingSingleton {

    private final StaffAccountRepository accounts;

    DemoAccountGuard(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.existsByDemoTrue()) {
            throw new IllegalStateException("Refusing to start in production: the database holds demo accounts, "
                    + "whose password is public. Remove them (staff_account.demo = true) or use a fresh database.");
        }
    }
}
