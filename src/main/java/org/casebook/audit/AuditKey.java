package org.casebook.audit;

import org.casebook.encryption.SecretKeyMaterial;
import org.springframework.stereotype.Component;

/** The audit chain's HMAC key, from configuration, or generated once for development and demo runs. */
@Component
class AuditKey {

    private static final int MIN_BYTES = 32;

    private final byte[] key;

    AuditKey(AuditProperties properties) {
        this.key = load(properties);
    }

    byte[] bytes() {
        return key.clone();
    }

    private static byte[] load(AuditProperties properties) {
        return new SecretKeyMaterial("audit HMAC key", "CASEBOOK_AUDIT_KEY", MIN_BYTES)
                .load(properties.hmacKey(), properties.generatedKeyFile(), properties.generateKey());
    }
}
