package org.casebook.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start while the database holds a demo account that can sign in: their password
 * is published in the README. The one exception is an evaluation ({@code prod,evaluation}): production
 * settings on PostgreSQL with the fictional demo data, never with real people's records, and it says so
 * loudly. Runs before the web server opens its port.
 */
@Component
@Profile("prod")
class DemoAccountGuard implements SmartInitializingSingleton {

    static final String REFUSAL = "Refusing to start in production: the database holds demo accounts that can "
            + "sign in, and their password is public. Remove them with: java -jar casebook.jar "
            + "--spring.profiles.active=prod --casebook.command=" + RemoveDemoAccountsCommand.NAME
            + " (with Docker: docker compose run --rm app --casebook.command=" + RemoveDemoAccountsCommand.NAME
            + "), or start on a fresh database.";

    private static final Logger log = LoggerFactory.getLogger(DemoAccountGuard.class);

    private final StaffAccountRepository accounts;
    private final Environment environment;
    private final String command;

    DemoAccountGuard(
            StaffAccountRepository accounts, Environment environment, @Value("${casebook.command:}") String command) {
        this.accounts = accounts;
        this.environment = environment;
        this.command = command;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (environment.acceptsProfiles(Profiles.of("evaluation"))) {
            log.warn("""

                    ********************************************************************************
                    EVALUATION: production settings with the FICTIONAL DEMO accounts and data. The demo
                    accounts' password is public (README). Never enter real people's details here.
                    ********************************************************************************""");
            return;
        }
        if (command.equals(RemoveDemoAccountsCommand.NAME)) {
            return; // the remedy the refusal below names
        }
        if (accounts.existsByDemoTrueAndEnabledTrue()) {
            throw new IllegalStateException(REFUSAL);
        }
    }
}
