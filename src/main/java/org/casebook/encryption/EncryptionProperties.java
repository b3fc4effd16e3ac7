package org.casebook.encryption;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keyset comes from (README "Encryption at rest"). The first that is set wins: {@code keyset},
 * then {@code keysetFile}, then (tests only) an in-memory keyset.
 *
 * @param keyset the keyset JSON itself ({@code CASEBOOK_KEYSET})
 * @param keysetFile the keyset file ({@code CASEBOOK_KEYSET_FILE})
 * @param masterKey the key that encrypts the keyset ({@code CASEBOOK_MASTER_KEY}): base64 of 32 random
 *     bytes, or a Tink AEAD keyset in JSON; when set, the keyset must be encrypted with it
 * @param generateIfMissing create the keyset file on first start (development and demo; never in production)
 * @param inMemoryKeyset use a throw-away keyset that is never written anywhere (tests; never in production)
 * @param reencryptBatchSize rows per transaction in the re-encryption job
 */
@ConfigurationProperties("casebook.encryption")
record EncryptionProperties(
        @Nullable String keyset,
        @Nullable String keysetFile,
        @Nullable String masterKey,
        @DefaultValue("false") boolean generateIfMissing,
        @DefaultValue("false") boolean inMemoryKeyset,
        @DefaultValue("500") int reencryptBatchSize) {

    @Override
    public String toString() {
        // Never print the keyset or the master key, whatever calls toString().
        return "EncryptionProperties[keysetFile=" + keysetFile + ", keyset " + (isSet(keyset) ? "set" : "not set")
                + ", masterKey " + (isSet(masterKey) ? "set" : "not set") + ", generateIfMissing=" + generateIfMissing
                + ", inMemoryKeyset=" + inMemoryKeyset + ", reencryptBatchSize=" + reencryptBatchSize + "]";
    }

    static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
