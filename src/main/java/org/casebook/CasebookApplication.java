package org.casebook;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.casebook.encryption.EncryptionCommands;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Casebook: confidential case management for a prevention charity.
 *
 * <p>Also the Vaadin app shell: Lumo plus the charity's own stylesheet, which lives in {@code frontend/}
 * and is served from the class path root (see the resources section of the pom).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("casebook.css")
@Meta(name = "robots", content = "noindex, nofollow")
public class CasebookApplication implements AppShellConfigurator {

    /**
     * The operator commands ({@code --casebook.command=...}): each is a bean in its module, conditional on
     * this property (a test checks that this list and those beans agree). They run without a web server.
     */
    static final List<String> COMMANDS =
            List.of("verify-audit", "create-admin", "remove-demo-accounts", "generate-data");

    public static void main(String[] args) {
        if (EncryptionCommands.requested(args)) {
            // Key and re-encryption commands (README "Encryption at rest"): do the job, exit with 0 or 1.
            System.exit(EncryptionCommands.run(CasebookApplication.class, args));
        }
        var application = new SpringApplication(CasebookApplication.class);
        var command = new DefaultApplicationArguments(args).getOptionValues("casebook.command");
        if (command != null) {
            if (command.size() != 1 || !COMMANDS.contains(command.getFirst())) {
                // A typo must not start nothing and report success to a scheduled check.
                System.err.println(unknownCommand(command));
                System.exit(2);
            }
            // No web server and no Vaadin: see application-command.properties.
            application.setAdditionalProfiles("command");
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }

    static String unknownCommand(List<String> given) {
        return "Unknown command: --casebook.command=" + String.join(",", given) + ". Casebook's commands are "
                + COMMANDS.stream().map(c -> "--casebook.command=" + c).collect(Collectors.joining(", "))
                + ", and --casebook.create-keyset, --casebook.rotate-key, --casebook.reencrypt (README).";
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Casebook");
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
    }

    /** All time comes from here, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
