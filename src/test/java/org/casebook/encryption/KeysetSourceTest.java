package org.casebook.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casebook.CasebookApplication;
import org.casebook.TestKeyset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** Where the keyset comes from in each profile, with the real properties files. */
@ExtendWith(OutputCaptureExtension.class)
class KeysetSourceTest {

    @TempDir
    Path folder;

    @Test
    void theKeysetFileADemoRunWritesOnFirstStartIsReadAgainOnRestart(CapturedOutput output) throws Exception {
        var file = folder.resolve("keys").resolve("keyset.json");
        var place = TestNotes.SUMMARY.forRow(UUID.randomUUID());
        var text = PlantedMarkers.plant("demo-restart");
        byte[] sealed;
        int firstPrimary;
        try (var first = encryptionOnly("demo", "--casebook.encryption.keyset-file=" + file)) {
            var encryption = first.getBean(FieldEncryption.class);
            sealed = encryption.seal(text, place);
            firstPrimary = encryption.primaryKeyId();
        }
        assertThat(output.getOut()).contains("Generated a new encryption keyset at " + file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (var restarted = encryptionOnly("demo", "--casebook.encryption.keyset-file=" + file)) {
            var encryption = restarted.getBean(FieldEncryption.class);
            assertThat(encryption.primaryKeyId()).isEqualTo(firstPrimary);
            assertThat(encryption.open(sealed, place)).isEqualTo(text);
        }
        assertThat(output.getOut())
                .contains("Encryption keyset read from " + file + ": 1 key(s), primary key "
                        + Integer.toUnsignedString(firstPrimary));
        assertThat(keyMaterial(Files.readString(file)))
                .isNotEmpty()
                .allSatisfy(secret -> assertThat(output.getAll())
                        .as("key material in the log")
                        .doesNotContain(secret));
    }

    @Test
    void productionRefusesToStartWithoutAKeyset(CapturedOutput output) {
        var failure = catchThrowable(() -> new SpringApplicationBuilder(CasebookApplication.class)
                .profiles("prod")
                .properties(
                        "CASEBOOK_DB_URL=jdbc:h2:mem:no-keyset-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "CASEBOOK_DB_USER=sa",
                        "CASEBOOK_DB_PASSWORD=",
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "CASEBOOK_AUDIT_KEY=dGVzdC1vbmx5LWF1ZGl0LWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5",
                        "CASEBOOK_MATCH_KEY=dGVzdC1vbmx5LW1hdGNoLWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5YWJj")
                .run());
        var analysis = new KeysetFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        var sentence = "Refusing to start without a usable encryption keyset: neither CASEBOOK_KEYSET_FILE nor "
                + "CASEBOOK_KEYSET is set";
        assertThat(analysis.getDescription()).isEqualTo(sentence);
        assertThat(analysis.getAction()).contains("CASEBOOK_KEYSET_FILE", "--casebook.create-keyset");
        assertThat(output.getOut()).contains(sentence);
    }

    @Test
    void productionNeitherCreatesAMissingKeysetFileNorMakesAThrowAwayOne() {
        var missing = folder.resolve("missing.json");
        assertThatThrownBy(() -> encryptionOnly(
                        "prod", "--CASEBOOK_KEYSET_FILE=" + missing, "--casebook.encryption.generate-if-missing=true"))
                .rootCause()
                .isInstanceOf(KeysetUnavailableException.class)
                .hasMessage("the keyset file " + missing + " does not exist");
        assertThat(missing).doesNotExist();

        assertThatThrownBy(() -> encryptionOnly("prod", "--casebook.encryption.in-memory-keyset=true"))
                .rootCause()
                .isInstanceOf(KeysetUnavailableException.class)
                .hasMessage("neither CASEBOOK_KEYSET_FILE nor CASEBOOK_KEYSET is set");
    }

    @Test
    void theKeysetMayComeFromTheEnvironmentAsJson() {
        var json = Keysets.serialize(Keysets.generate(), null);
        try (var context = encryptionOnly("prod", "--CASEBOOK_KEYSET=" + json)) {
            var encryption = context.getBean(FieldEncryption.class);
            var place = TestNotes.DETAIL.forRow(UUID.randomUUID());
            assertThat(encryption.open(encryption.seal("text", place), place)).isEqualTo("text");
        }
    }

    @Test
    void aKeysetEncryptedWithTheMasterKeyOpensOnlyWithThatMasterKey(CapturedOutput output) throws Exception {
        var masterKey = TestKeyset.newMasterKey();
        var file = folder.resolve("keyset.json");
        var keyset = Keysets.generate();
        new KeysetSource(properties(file, masterKey), true).write(keyset, file);

        var stored = Files.readString(file);
        assertThat(stored).contains("encryptedKeyset");
        assertThat(keyMaterial(Keysets.serialize(keyset, null)))
                .isNotEmpty()
                .allSatisfy(secret -> assertThat(stored).doesNotContain(secret));

        var loaded = new KeysetSource(properties(file, masterKey), true).loadForApplication();
        assertThat(loaded.getPrimary().getId()).isEqualTo(keyset.getPrimary().getId());
        assertThat(output.getOut())
                .contains("Encryption keyset read from " + file + " (encrypted with the master key)");

        assertThatThrownBy(
                        () -> new KeysetSource(properties(file, TestKeyset.newMasterKey()), true).loadForApplication())
                .isInstanceOf(KeysetUnavailableException.class)
                .hasMessageEndingWith("(wrong master key?)");
        assertThatThrownBy(() -> new KeysetSource(properties(file, null), true).loadForApplication())
                .isInstanceOf(KeysetUnavailableException.class)
                .hasMessageContaining("is encrypted, and CASEBOOK_MASTER_KEY (the key that opens it) is not set");

        var cleartext = folder.resolve("cleartext.json");
        new KeysetSource(properties(cleartext, null), true).write(keyset, cleartext);
        assertThatThrownBy(() -> new KeysetSource(properties(cleartext, masterKey), true).loadForApplication())
                .isInstanceOf(KeysetUnavailableException.class)
                .hasMessageContaining("is not encrypted with it");
        assertThat(output.getAll()).doesNotContain(masterKey);
    }

    @Test
    void theMasterKeyIs32BytesInBase64OrATinkKeyset() {
        var sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> Keysets.masterKey(sixteenBytes))
                .isInstanceOf(KeysetUnavailableException.class)
                .hasMessage("CASEBOOK_MASTER_KEY must be 32 random bytes in base64 (openssl rand -base64 32); "
                        + "it decodes to 16 bytes");
        assertThatThrownBy(() -> Keysets.masterKey("not base64 at all!"))
                .isInstanceOf(KeysetUnavailableException.class)
                .hasMessage("CASEBOOK_MASTER_KEY is neither base64 nor a Tink keyset");
        assertThat(Keysets.masterKey(" ")).isNull();

        var tinkMasterKey = Keysets.serialize(Keysets.generate(), null);
        var file = folder.resolve("wrapped-by-tink-key.json");
        var keyset = Keysets.generate();
        new KeysetSource(properties(file, tinkMasterKey), true).write(keyset, file);
        assertThat(new KeysetSource(properties(file, tinkMasterKey), true)
                        .loadExisting()
                        .getPrimary()
                        .getId())
                .isEqualTo(keyset.getPrimary().getId());
    }

    @Test
    void onlyAes256GcmKeysWithKeyIdsAreAccepted() throws Exception {
        var aes128 = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM), InsecureSecretKeyAccess.get());
        assertThatThrownBy(() -> Keysets.parse(aes128, null, "test"))
                .isInstanceOf(KeysetUnavailableException.class)
                .hasMessageContaining("is not an AES-256-GCM key with a Tink key id");

        var withoutKeyIds = KeysetHandle.generateNew(AesGcmParameters.builder()
                .setKeySizeBytes(32)
                .setIvSizeBytes(12)
                .setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                .build());
        var json = TinkJsonProtoKeysetFormat.serializeKeyset(withoutKeyIds, InsecureSecretKeyAccess.get());
        assertThatThrownBy(() -> Keysets.parse(json, null, "test"))
                .isInstanceOf(KeysetUnavailableException.class)
                .hasMessageContaining("is not an AES-256-GCM key with a Tink key id");
    }

    @Test
    void rotationAddsANewPrimaryKeyAndKeepsTheOldOnesForReading() {
        var old = Keysets.generate();
        var rotated = Keysets.withNewPrimary(old);
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(rotated.getPrimary().getId()).isNotEqualTo(old.getPrimary().getId());
        var place = TestNotes.SUMMARY.forRow(UUID.randomUUID());
        var sealedBefore = new FieldEncryption(old).seal("written before rotation", place);
        assertThat(new FieldEncryption(rotated).open(sealedBefore, place)).isEqualTo("written before rotation");
    }

    /** The secret parts of a cleartext keyset JSON (each key's base64 "value"). */
    static List<String> keyMaterial(String cleartextKeysetJson) {
        var values = new ArrayList<String>();
        var matcher = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"").matcher(cleartextKeysetJson);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static EncryptionProperties properties(Path file, @Nullable String masterKey) {
        return new EncryptionProperties(null, file.toString(), masterKey, false, false, 500);
    }

    /** Only this module, with the real properties files of the given profile. */
    private static ConfigurableApplicationContext encryptionOnly(String profile, String... args) {
        return new SpringApplicationBuilder(EncryptionOnly.class)
                .profiles(profile)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off")
                .run(args);
    }

    @Import(EncryptionConfiguration.class)
    @EnableConfigurationProperties(EncryptionProperties.class)
    static class EncryptionOnly {}
}
