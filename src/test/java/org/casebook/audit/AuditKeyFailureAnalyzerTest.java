package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;

class AuditKeyFailureAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyStopsTheStartWithOneClearSentence() {
        var properties = new AuditProperties(null, dir.resolve("none.key"), false, dir.resolve("anchors.log"),
                Duration.ofMinutes(15), Duration.ofHours(1));
        var failure = org.assertj.core.api.Assertions.catchThrowableOfType(AuditKeyUnavailableException.class,
                () -> new AuditKey(properties));

        var analysis = new AuditKeyFailureAnalyzer().analyze(new BeanCreationException("auditKey", "failed", failure));
        assertThat(analysis.getDescription())
                .isEqualTo("Refusing to start without a usable audit log key: no audit HMAC key is configured "
                        + "(CASEBOOK_AUDIT_KEY).");
        assertThat(analysis.getAction()).contains("CASEBOOK_AUDIT_KEY", "openssl rand -base64 32");
    }

    @Test
    void aShortKeyIsRefused() {
        var properties = new AuditProperties("c2hvcnQ=", dir.resolve("none.key"), false, dir.resolve("anchors.log"),
                Duration.ofMinutes(15), Duration.ofHours(1));
        assertThatThrownBy(() -> new AuditKey(properties)).isInstanceOf(AuditKeyUnavailableException.class)
                .hasMessageContaining("shorter than 32 bytes");
    }
}
