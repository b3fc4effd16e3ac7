package org.casebook.security;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First install: {@code java -jar casebook.jar --spring.profiles.active=prod --casebook.command=create-admin
 * --username=... --name=... --email=...} creates the first administrator of an empty production database
 * and prints a one-time password (printed once, never logged or stored). At their first sign-in the
 * administrator sets up two-factor sign-in and chooses their own password, as every new account does.
 * Refused, with exit status 1, while an active administrator exists: from then on administrators create
 * accounts under Staff accounts. Both the creation and a refusal are audited.
 */
@Component
@ConditionalOnProperty(name = "casebook.command", havingValue = CreateAdminCommand.NAME)
class CreateAdminCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String NAME = "create-admin";
    static final String ALREADY = "Refusing to create an administrator: Casebook already has an active "
            + "administrator. Sign in as an administrator and create accounts under Staff accounts.";

    private final StaffAccountRepository accounts;
    private final NewAccounts newAccounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode = 1;

    CreateAdminCommand(
            StaffAccountRepository accounts,
            NewAccounts newAccounts,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.newAccounts = newAccounts;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        var username = option(args, "username");
        var name = option(args, "name");
        var email = option(args, "email");
        if (username.isEmpty() || name.isEmpty() || email.isEmpty()) {
            err.println("Give the first administrator's details: --casebook.command=create-admin "
                    + "--username=<username> --name=\"<full name>\" --email=<email address>");
            return;
        }
        try {
            var created = transaction.execute(status -> {
                if (accounts.countActiveWithRole(Role.ADMIN) > 0) {
                    events.publishEvent(
                            new AccountCreationRefused("first administrator: an active administrator exists"));
                    return null;
                }
                return newAccounts.create(
                        new NewStaffAccount(name, username, email, EnumSet.of(Role.ADMIN), null),
                        "first administrator, created with --casebook.command=create-admin");
            });
            if (created == null) {
                err.println(ALREADY);
                return;
            }
            out.println("Created the administrator " + created.username() + " (account " + created.accountId() + ").");
            out.println("One-time password: " + created.temporaryPassword());
            out.println("It is shown only this once. At the first sign-in Casebook asks for an authenticator app "
                    + "(two-factor sign-in) and then for a new password.");
            exitCode = 0;
        } catch (AccountChangeRefused refused) {
            err.println("Refusing to create an administrator: " + refused.getMessage() + " (--"
                    + switch (refused.field()) {
                        case "displayName" -> "name";
                        default -> refused.field();
                    }
                    + ")");
        }
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? "" : values.getFirst().strip();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
