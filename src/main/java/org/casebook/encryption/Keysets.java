package org.casebook.encryption;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Generating, checking, reading and writing Tink keysets; and the master key that encrypts them. */
final class Keysets {

    /** AES-256-GCM, 12-byte nonce, 16-byte tag, with Tink's key-id prefix. */
    static final AesGcmParameters FIELD_KEY = PredefinedAeadParameters.AES256_GCM;

    /** Binds an encrypted keyset file to its purpose: it cannot be passed off as another encrypted blob. */
    private static final byte[] KEYSET_ASSOCIATED_DATA = "casebook.keyset.v1".getBytes(UTF_8);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Keysets() {}

    /** A new keyset with one AES-256-GCM key. */
    static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(FIELD_KEY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate an encryption key", e);
        }
    }

    /** The same keyset plus a new AES-256-GCM key, which becomes the primary; old keys stay for reading. */
    static KeysetHandle withNewPrimary(KeysetHandle keyset) {
        try {
            return KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(FIELD_KEY)
                            .withRandomId()
                            .makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add a key to the keyset", e);
        }
    }

    /**
     * Every enabled key must be AES-256-GCM with Tink's key-id prefix: the key id in each ciphertext is what
     * rotation and re-encryption rely on.
     */
    static void requireAes256GcmWithKeyIds(KeysetHandle keyset) {
        for (int i = 0; i < keyset.size(); i++) {
            var entry = keyset.getAt(i);
            if (entry.getStatus() != KeyStatus.ENABLED) {
                continue;
            }
            if (!(entry.getKey() instanceof AesGcmKey key)
                    || key.getParameters().getKeySizeBytes() != 32
                    || key.getParameters().getVariant() != AesGcmParameters.Variant.TINK) {
                throw new KeysetUnavailableException("key " + Integer.toUnsignedString(entry.getId())
                        + " of the keyset is not an AES-256-GCM key with a Tink key id (output prefix TINK)");
            }
        }
    }

    static KeysetHandle parse(String json, @Nullable Aead masterKey, String source) {
        boolean encrypted = json.contains("\"encryptedKeyset\"");
        if (encrypted && masterKey == null) {
            throw new KeysetUnavailableException("the keyset in " + source
                    + " is encrypted, and CASEBOOK_MASTER_KEY (the key that opens it) is not set");
        }
        if (!encrypted && masterKey != null) {
            throw new KeysetUnavailableException("CASEBOOK_MASTER_KEY is set but the keyset in " + source
                    + " is not encrypted with it; refusing a keyset anyone could have written");
        }
        KeysetHandle keyset;
        try {
            keyset = masterKey == null
                    ? TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                    : TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, masterKey, KEYSET_ASSOCIATED_DATA);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Tink's messages say what failed, never the key material.
            throw new KeysetUnavailableException(
                    "the keyset in " + source + " cannot be read"
                            + (masterKey == null ? "" : " with CASEBOOK_MASTER_KEY (wrong master key?)"),
                    e);
        }
        requireAes256GcmWithKeyIds(keyset);
        return keyset;
    }

    static String serialize(KeysetHandle keyset, @Nullable Aead masterKey) {
        try {
            return masterKey == null
                    ? TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get())
                    : TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKey, KEYSET_ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not serialise the keyset", e);
        }
    }

    /** Writes the file atomically (a reader sees the old or the new keyset, never half of one), owner-only. */
    static void write(Path file, String content) throws IOException {
        var folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            ownerOnly(folder, "rwx------");
        }
        var temporary = Files.createTempFile(folder, ".keyset-", ".tmp");
        try {
            ownerOnly(temporary, "rw-------");
            Files.writeString(temporary, content, UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    /**
     * The master key from {@code CASEBOOK_MASTER_KEY}: base64 of 32 random bytes (used as AES-256-GCM), or a
     * cleartext Tink AEAD keyset in JSON. {@code null} when not set.
     */
    static @Nullable Aead masterKey(@Nullable String value) {
        if (!EncryptionProperties.isSet(value)) {
            return null;
        }
        var text = value.strip();
        try {
            if (text.startsWith("{")) {
                return TinkJsonProtoKeysetFormat.parseKeyset(text, InsecureSecretKeyAccess.get())
                        .getPrimitive(RegistryConfiguration.get(), Aead.class);
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException notBase64) {
                throw new KeysetUnavailableException("CASEBOOK_MASTER_KEY is neither base64 nor a Tink keyset");
            }
            if (bytes.length != 32) {
                throw new KeysetUnavailableException("CASEBOOK_MASTER_KEY must be 32 random bytes in base64 "
                        + "(openssl rand -base64 32); it decodes to " + bytes.length + " bytes");
            }
            var key = AesGcmKey.builder()
                    .setParameters(AesGcmParameters.builder()
                            .setKeySizeBytes(32)
                            .setIvSizeBytes(12)
                            .setTagSizeBytes(16)
                            .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                            .build())
                    .setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get()))
                    .build();
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                    .build()
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new KeysetUnavailableException("CASEBOOK_MASTER_KEY cannot be used as a key: " + e.getMessage(), e);
        }
    }
}
