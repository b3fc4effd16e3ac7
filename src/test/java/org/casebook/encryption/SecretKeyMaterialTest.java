package org.casebook.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;

class SecretKeyMaterialTest {

    private static final SecretKeyMaterial AUDIT_KEY =
            new SecretKeyMaterial("audit HMAC key", "CASEBOOK_AUDIT_KEY", 32);

    @TempDir
    Path dir;

    @Test
    void aConfiguredKeyIsUsedAsItIs() {
        var key = new byte[32];
        key[0] = 7;
        assertThat(AUDIT_KEY.load(Base64.getEncoder().encodeToString(key), dir.resolve("k"), true))
                .isEqualTo(key);
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void developmentRunsGenerateAKeyOnceReadableByItsOwnerAlone() throws Exception {
        var file = dir.resolve("keys").resolve("audit.key");
        var first = AUDIT_KEY.load(null, file, true);
        assertThat(first).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(AUDIT_KEY.load(" ", file, true)).isEqualTo(first);
    }

    @Test
    void aMissingKeyStopsTheStartWithOneClearSentence() {
        var failure = catchThrowableOfType(
                SecretKeyUnavailableException.class, () -> AUDIT_KEY.load(null, dir.resolve("none.key"), false));
        var analysis = new SecretKeyFailureAnalyzer().analyze(new BeanCreationException("auditKey", "failed", failure));
        assertThat(analysis.getDescription())
                .isEqualTo("Refusing to start without a usable audit HMAC key: "
                        + "no audit HMAC key is configured (CASEBOOK_AUDIT_KEY).");
        assertThat(analysis.getAction())
                .contains("CASEBOOK_AUDIT_KEY", "at least 32 random bytes", "openssl rand -base64 32");
    }

    @Test
    void aShortOrMalformedKeyIsRefused() {
        assertThatThrownBy(() -> AUDIT_KEY.load("c2hvcnQ=", dir.resolve("k"), true))
                .isInstanceOf(SecretKeyUnavailableException.class)
                .hasMessageContaining("shorter than 32 bytes");
        assertThatThrownBy(() -> AUDIT_KEY.load("not base64!", dir.resolve("k"), true))
                .isInstanceOf(SecretKeyUnavailableException.class)
                .hasMessageContaining("not valid base64");
    }
}
