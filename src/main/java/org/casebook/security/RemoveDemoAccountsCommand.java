package org.casebook.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar casebook.jar --spring.profiles.active=prod --casebook.command=remove-demo-accounts}: the
 * remedy the production start-up names when the database holds demo accounts. A demo account that nothing
 * refers to is deleted. One that records refer to (demo sessions, plans, concerns: some of them write-once,
 * so they cannot be deleted either) is retired instead: deactivated, its password replaced by a random one
 * nobody knows, its authenticator and recovery codes removed. Either way it can never sign in again, and
 * production then starts. Each account is handled in its own transaction and audited; exit status 0.
 */
@Component
@ConditionalOnProperty(name = "casebook.command", havingValue = RemoveDemoAccountsCommand.NAME)
class RemoveDemoAccountsCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String NAME = "remove-demo-accounts";

    private final StaffAccountRepository accounts;
    private final RecoveryCodeRepository recoveryCodes;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();
    private final PrintStream out = System.out;
    private int exitCode = 1;

    RemoveDemoAccountsCommand(
            StaffAccountRepository accounts,
            RecoveryCodeRepository recoveryCodes,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        int deleted = 0;
        int retired = 0;
        var demo = transaction.execute(status ->
                accounts.findByDemoTrue().stream().map(StaffAccount::id).toList());
        for (long id : demo) {
            if (delete(id)) {
                deleted++;
            } else {
                retire(id);
                retired++;
            }
        }
        out.printf(
                "Demo accounts: %d deleted, %d retired (records refer to them: deactivated, password and "
                        + "two-factor removed). None can sign in; production can start.%n",
                deleted, retired);
        exitCode = 0;
    }

    private boolean delete(long id) {
        try {
            transaction.executeWithoutResult(status -> {
                var account = accounts.findById(id).orElseThrow();
                events.publishEvent(new AccountAdministered(
                        id, AccountAdministered.Change.DEACTIVATED, "demo account deleted (" + NAME + ")"));
                accounts.delete(account);
                accounts.flush();
            });
            return true;
        } catch (DataIntegrityViolationException referredTo) {
            return false;
        }
    }

    private void retire(long id) {
        transaction.executeWithoutResult(status -> {
            var account = accounts.findById(id).orElseThrow();
            var unknowable = new byte[32];
            random.nextBytes(unknowable);
            account.changePassword(passwordEncoder.encode(Base64.getEncoder().encodeToString(unknowable)));
            account.deactivate();
            recoveryCodes.deleteAllOf(id);
            accounts.forgetTotp(id);
            events.publishEvent(new AccountAdministered(
                    id,
                    AccountAdministered.Change.DEACTIVATED,
                    "demo account retired (" + NAME + "): deactivated, password and two-factor removed"));
        });
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
