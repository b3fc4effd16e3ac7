package org.casebook.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.casebook.CasebookApplication;
import org.casebook.TestKeyset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The jar's commands, run in this JVM through the same entry point {@code CasebookApplication.main} uses
 * (which then hands the status to {@code System.exit}; {@code EncryptionCommandsIT} checks that on the jar).
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptionCommandsTest {

    @TempDir
    Path folder;

    @Test
    void commandsAreRecognisedOneAtATime(CapturedOutput output) {
        assertThat(EncryptionCommands.requested("--casebook.rotate-key")).isTrue();
        assertThat(EncryptionCommands.requested("--casebook.rotate-key=/tmp/new.json"))
                .isTrue();
        assertThat(EncryptionCommands.requested("--server.port=8080")).isFalse();
        assertThat(EncryptionCommands.run(CasebookApplication.class, "--casebook.rotate-key", "--casebook.reencrypt"))
                .isOne();
        assertThat(output.getOut())
                .contains("Give exactly one of --casebook.create-keyset, --casebook.rotate-key, "
                        + "--casebook.reencrypt");
    }

    @Test
    void createKeysetWritesAKeysetEncryptedWithTheMasterKeyAndNeverOverwritesOne(CapturedOutput output)
            throws Exception {
        var file = folder.resolve("keys/keyset.json");
        var masterKey = TestKeyset.newMasterKey();
        assertThat(run(
                        "--casebook.create-keyset",
                        "--spring.profiles.active=prod",
                        "--CASEBOOK_KEYSET_FILE=" + file,
                        "--CASEBOOK_MASTER_KEY=" + masterKey))
                .isZero();
        var written = Files.readString(file);
        assertThat(written).contains("encryptedKeyset");
        assertThat(output.getOut())
                .contains(
                        "Created the keyset " + file + " with key ",
                        ", encrypted with the master key. Back it up, apart from the database backups.");

        assertThat(run(
                        "--casebook.create-keyset",
                        "--spring.profiles.active=prod",
                        "--CASEBOOK_KEYSET_FILE=" + file,
                        "--CASEBOOK_MASTER_KEY=" + masterKey))
                .isOne();
        assertThat(output.getOut()).contains("Cannot create a keyset: " + file + " already exists");
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(output.getAll()).doesNotContain(masterKey);
    }

    @Test
    void rotateKeyAddsANewPrimaryKeyAndKeepsTheOldOnes(CapturedOutput output) {
        var file = folder.resolve("keyset.json");
        var masterKey = TestKeyset.newMasterKey();
        String[] production = {
            "--spring.profiles.active=prod", "--CASEBOOK_KEYSET_FILE=" + file, "--CASEBOOK_MASTER_KEY=" + masterKey
        };
        assertThat(run(with(production, "--casebook.create-keyset"))).isZero();
        var source =
                new KeysetSource(new EncryptionProperties(null, file.toString(), masterKey, false, false, 500), true);
        var before = source.loadExisting();

        assertThat(run(with(production, "--casebook.rotate-key"))).isZero();

        var after = source.loadExisting();
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.getPrimary().getId()).isNotEqualTo(before.getPrimary().getId());
        assertThat(after.getAt(0).getId()).isEqualTo(before.getPrimary().getId());
        assertThat(output.getOut())
                .contains(
                        "Wrote " + file + ": new primary key " + KeysetSource.primaryKeyId(after) + ", 2 key(s) in all",
                        "Next: restart Casebook so it encrypts with the new key, then run --casebook.reencrypt");
    }

    @Test
    void rotateKeyWithoutAKeysetFailsWithStatusOne(CapturedOutput output) {
        assertThat(run("--casebook.rotate-key", "--spring.profiles.active=prod"))
                .isOne();
        assertThat(output.getOut())
                .contains("Cannot do --casebook.rotate-key: neither CASEBOOK_KEYSET_FILE nor "
                        + "CASEBOOK_KEYSET is set");
    }

    @Test
    void rotatingAKeysetFromTheEnvironmentWritesTheNamedFile(CapturedOutput output) {
        var json = Keysets.serialize(Keysets.generate(), null);
        assertThat(run("--casebook.rotate-key", "--spring.profiles.active=prod", "--CASEBOOK_KEYSET=" + json))
                .isOne();
        assertThat(output.getOut()).contains("name the file to write the new keyset to");

        var target = folder.resolve("rotated.json");
        assertThat(run("--casebook.rotate-key=" + target, "--spring.profiles.active=prod", "--CASEBOOK_KEYSET=" + json))
                .isZero();
        var rotated = new KeysetSource(
                        new EncryptionProperties(null, target.toString(), null, false, false, 500), false)
                .loadExisting();
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(output.getOut()).contains("Next: put the file's content into CASEBOOK_KEYSET, restart Casebook");
    }

    @Test
    void reencryptMovesEveryValueToTheNewKeyWithoutAWebServerAndExitsZero(CapturedOutput output) {
        var url = "jdbc:h2:file:" + folder.resolve("db/casebook");
        var keysetFile = folder.resolve("keys/keyset.json");
        String[] application = {
            "--spring.profiles.active=demo,test",
            "--spring.datasource.url=" + url,
            "--casebook.encryption.in-memory-keyset=false",
            "--casebook.encryption.keyset-file=" + keysetFile,
            "--casebook.encryption.reencrypt-batch-size=2"
        };
        assertThat(run(with(application, "--casebook.create-keyset"))).isZero();

        var database = new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "casebook", ""));
        Flyway.configure()
                .dataSource(database.getDataSource())
                .locations("classpath:db/migration/common", "classpath:db/migration/h2", "classpath:db/testfixtures")
                .load()
                .migrate();
        var source =
                new KeysetSource(new EncryptionProperties(null, keysetFile.toString(), null, false, false, 500), false);
        var beforeRotation = new FieldEncryption(source.loadExisting());
        var ids = new ArrayList<UUID>();
        var texts = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            texts.add(PlantedMarkers.plant("command-" + i));
            ids.add(TestNotes.insert(database, beforeRotation, "C-CMD" + i, texts.getLast(), null));
        }
        assertThat(run(with(application, "--casebook.rotate-key"))).isZero();

        assertThat(run(with(application, "--casebook.reencrypt"))).isZero();

        var afterRotation = new FieldEncryption(source.loadExisting());
        assertThat(TestNotes.onKey(database, TestNotes.SUMMARY, afterRotation.primaryKeyPrefix()))
                .isEqualTo(3);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(TestNotes.open(database, afterRotation, TestNotes.SUMMARY, ids.get(i)))
                    .isEqualTo(texts.get(i));
        }
        assertThat(output.getOut())
                .contains(
                        "encryption_test_note.summary: 2/3 rows",
                        "encryption_test_note.summary: 3/3 rows",
                        "Every encrypted value is on the primary key "
                                + Integer.toUnsignedString(afterRotation.primaryKeyId()))
                .doesNotContain("Casebook is ready at", "Tomcat started");
    }

    private static int run(String... args) {
        return EncryptionCommands.run(CasebookApplication.class, args);
    }

    private static String[] with(String[] common, String command) {
        return Stream.concat(Stream.of(command), List.of(common).stream()).toArray(String[]::new);
    }
}
