package org.casebook.encryption;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jar's key and re-encryption commands (README "Encryption at rest"). Each does its job without a web
 * server, prints what it did (key ids and row counts, never key material or clinical text) and returns
 * the process exit status: 0 done, 1 not done.
 *
 * <ul>
 *   <li>{@code --casebook.create-keyset}: writes a new keyset to {@code CASEBOOK_KEYSET_FILE} (encrypted with
 *       {@code CASEBOOK_MASTER_KEY} when set); refuses to overwrite an existing file.</li>
 *   <li>{@code --casebook.rotate-key[=file]}: adds a new key and makes it the primary; the old keys stay so
 *       old values still decrypt. Rewrites the keyset file in place, or writes the given file.</li>
 *   <li>{@code --casebook.reencrypt}: moves every declared encrypted column to the primary key, in
 *       batches, while Casebook keeps running.</li>
 * </ul>
 *
 * The key commands need only the configuration, not the database; the re-encryption starts the whole
 * application but opens no port.
 */
public final class EncryptionCommands {

    static final String CREATE_KEYSET = "casebook.create-keyset";
    static final String ROTATE_KEY = "casebook.rotate-key";
    static final String REENCRYPT = "casebook.reencrypt";

    private static final List<String> COMMANDS = List.of(CREATE_KEYSET, ROTATE_KEY, REENCRYPT);
    private static final Logger log = LoggerFactory.getLogger(EncryptionCommands.class);

    private EncryptionCommands() {}

    /** Whether the command line asks for one of these commands instead of the web application. */
    public static boolean requested(String... args) {
        var arguments = new DefaultApplicationArguments(args);
        return COMMANDS.stream().anyMatch(arguments::containsOption);
    }

    /**
     * Runs the requested command and returns the exit status.
     *
     * @param application the Spring Boot application class (the re-encryption needs all its modules)
     */
    public static int run(Class<?> application, String... args) {
        var arguments = new DefaultApplicationArguments(args);
        var requested = COMMANDS.stream().filter(arguments::containsOption).toList();
        if (requested.size() != 1) {
            log.error("Give exactly one of --{}", String.join(", --", COMMANDS));
            return 1;
        }
        try {
            return switch (requested.getFirst()) {
                case CREATE_KEYSET -> createKeyset(args);
                case ROTATE_KEY -> rotateKey(args, arguments.getOptionValues(ROTATE_KEY));
                default -> reencrypt(application, args);
            };
        } catch (KeysetUnavailableException e) {
            log.error("Cannot do --{}: {}", requested.getFirst(), e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Spring Boot has already reported a failed start; anything else is reported here.
            log.error("--{} failed: {}", requested.getFirst(), e.toString());
            return 1;
        }
    }

    private static int createKeyset(String[] args) {
        try (var context = configurationOnly(args)) {
            var source = keysetSource(context);
            var file = source.configuredFile();
            if (file == null) {
                log.error("Cannot create a keyset: set CASEBOOK_KEYSET_FILE to the file to create");
                return 1;
            }
            if (Files.exists(file)) {
                log.error("Cannot create a keyset: {} already exists (to add a key, use --{})", file, ROTATE_KEY);
                return 1;
            }
            var keyset = Keysets.generate();
            source.write(keyset, file);
            log.info(
                    "Created the keyset {} with key {}{}. Back it up, apart from the database backups.",
                    file,
                    KeysetSource.primaryKeyId(keyset),
                    source.encryptsWithMasterKey()
                            ? ", encrypted with the master key"
                            : " (not encrypted: no master key)");
            return 0;
        }
    }

    private static int rotateKey(String[] args, @Nullable List<String> values) {
        try (var context = configurationOnly(args)) {
            var source = keysetSource(context);
            var old = source.loadExisting();
            var named = values == null || values.isEmpty() || values.getFirst().isBlank()
                    ? null
                    : Path.of(values.getFirst().strip());
            var target = named != null ? named : source.fromEnvironmentVariable() ? null : source.configuredFile();
            if (target == null) {
                log.error(
                        "Cannot rotate: the keyset comes from CASEBOOK_KEYSET, so name the file to write the new "
                                + "keyset to: --{}=/path/to/keyset.json",
                        ROTATE_KEY);
                return 1;
            }
            var rotated = Keysets.withNewPrimary(old);
            source.write(rotated, target);
            log.info(
                    "Wrote {}: new primary key {}, {} key(s) in all; the old keys still decrypt older values.",
                    target,
                    KeysetSource.primaryKeyId(rotated),
                    rotated.size());
            log.info(
                    "Next: {}restart Casebook so it encrypts with the new key, then run --{} to move the stored "
                            + "values to it.",
                    source.fromEnvironmentVariable() ? "put the file's content into CASEBOOK_KEYSET, " : "",
                    REENCRYPT);
            return 0;
        }
    }

    private static int reencrypt(Class<?> application, String[] args) {
        // The whole application, so every module's EncryptedColumn beans are there, in the operator-command
        // profile: no web server and no Vaadin (application-command.properties), as --casebook.command= runs.
        try (var context =
                new SpringApplicationBuilder(application).profiles("command").run(args)) {
            return context.getBean(ReEncryption.class).run() ? 0 : 1;
        }
    }

    private static ConfigurableApplicationContext configurationOnly(String[] args) {
        return new SpringApplicationBuilder(KeyCommandConfiguration.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args);
    }

    private static KeysetSource keysetSource(ConfigurableApplicationContext context) {
        return new KeysetSource(
                context.getBean(EncryptionProperties.class),
                EncryptionConfiguration.isProduction(context.getEnvironment()));
    }

    /** Just the configuration (profiles, properties files, environment): the key commands need no database. */
    @EnableConfigurationProperties(EncryptionProperties.class)
    static class KeyCommandConfiguration {}
}
