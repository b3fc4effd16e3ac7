package org.casebook.security;

import java.time.Clock;
import java.util.Set;
import org.casebook.encryption.FieldEncryption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fictional demo staff, created on the first start of the {@code demo} profile. Every account is
 * marked as demo, so a production start refuses a database that holds any of them.
 */
@Component
@Profile("demo")
@Order(0)
class DemoAccounts implements ApplicationRunner {

    /** The one password of every demo account, as the README lists it. */
    static final String DEMO_PASSWORD = "casebook-demo-2026";

    /**
     * The authenticator secret (Base32) of every demo account, published in the README so anyone
     * trying the demo can add it to an authenticator app. Demo accounts never reach production.
     */
    static final String DEMO_TOTP_SECRET = "CASEBOOKDEMOTOTPSECRETFORSTAFFAB";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final StaffAccountRepository accounts;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final FieldEncryption encryption;

    DemoAccounts(
            StaffAccountRepository accounts,
            TeamRepository teams,
            PasswordEncoder passwordEncoder,
            Clock clock,
            FieldEncryption encryption) {
        this.accounts = accounts;
        this.encryption = encryption;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() == 0) {
            create();
        }
        // Also enrols the demo accounts of a database from before two-factor sign-in.
        accounts.findAll().stream()
                .filter(a -> a.demo() && a.totpSecret() == null)
                .forEach(this::enrol);
    }

    private void create() {
        var hash = passwordEncoder.encode(DEMO_PASSWORD);
        var team = teams.save(new Team("North team (demo)"));
        var supervisor = account("supervisor", "Sam Supervisor (demo)", hash, Set.of(Role.SUPERVISOR), team);
        team.ledBy(supervisor);
        account("counsellor1", "Casey Counsellor (demo)", hash, Set.of(Role.COUNSELLOR), team);
        account("counsellor2", "Robin Counsellor (demo)", hash, Set.of(Role.COUNSELLOR), team);
        // A second team, so that need-to-know between teams can be seen (and tested) in the demo.
        var south = teams.save(new Team("South team (demo)"));
        var southSupervisor = account("supervisor2", "Jordan Supervisor (demo)", hash, Set.of(Role.SUPERVISOR), south);
        south.ledBy(southSupervisor);
        account("counsellor3", "Alex Counsellor (demo)", hash, Set.of(Role.COUNSELLOR), south);
        account("admin", "Ari Administrator (demo)", hash, Set.of(Role.ADMIN), null);
        log.info("Created the fictional demo accounts (see README: Demo accounts)");
    }

    private StaffAccount account(String username, String name, String hash, Set<Role> roles, @Nullable Team team) {
        var account = new StaffAccount(username, name, username + "@demo.invalid", hash, roles, clock.instant());
        account.markDemo();
        account.joinTeam(team);
        return accounts.save(account);
    }

    private void enrol(StaffAccount account) {
        accounts.enrolTotp(account.id(), encryption.seal(DEMO_TOTP_SECRET, TwoFactorService.context(account.id())));
    }
}
