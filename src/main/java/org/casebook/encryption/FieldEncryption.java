package org.casebook.encryption;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadKey;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Seals clinical text before it is stored and opens it after it is read: AES-256-GCM from Google
 * Tink, with the key id in front of every ciphertext and the {@link FieldContext} as associated data.
 *
 * <p>In a clinical service (the entity keeps {@code byte[] summary}, the column is {@code bytea}):
 * <pre>{@code
 * var id = UUID.randomUUID();                        // known before the insert
 * var client = new Client(id, command.clientCode(), encryption.seal(command.summary(), SUMMARY.forRow(id)));
 * ...
 * String summary = encryption.open(client.summary(), SUMMARY.forRow(client.id()));
 * }</pre>
 *
 * <p>Not an application service: it holds no data and checks no roles; the services that call it
 * do. Thread-safe. {@code null} stays {@code null}; the empty string is encrypted like any text.
 */
public final class FieldEncryption {

    /** Tink's TINK output prefix: a version byte (1) and the four-byte key id. */
    static final int KEY_ID_PREFIX_SIZE = 5;

    private static final byte TINK_PREFIX_VERSION = 1;

    private final Aead aead;
    private final Set<Integer> enabledKeyIds = new HashSet<>();
    private final int primaryKeyId;
    private final byte[] primaryKeyPrefix;

    FieldEncryption(KeysetHandle keyset) {
        Keysets.requireAes256GcmWithKeyIds(keyset);
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new KeysetUnavailableException("the encryption keyset cannot be used: " + e.getMessage(), e);
        }
        for (int i = 0; i < keyset.size(); i++) {
            var entry = keyset.getAt(i);
            if (entry.getStatus() == KeyStatus.ENABLED) {
                enabledKeyIds.add(entry.getId());
            }
        }
        this.primaryKeyId = keyset.getPrimary().getId();
        this.primaryKeyPrefix =
                ((AeadKey) keyset.getPrimary().getKey()).getOutputPrefix().toByteArray();
    }

    /**
     * A person's text for one row's column: blank (by {@link org.casebook.validation.Text#isBlank}, so invisible
     * characters count as nothing) is stored as nothing ({@code null}), anything else without its surrounding
     * spaces. The one copy of what five services each had as a private {@code seal}.
     */
    public byte @Nullable [] sealText(@Nullable String text, EncryptedColumn column, java.util.UUID rowId) {
        return org.casebook.validation.Text.isBlank(text) ? null : seal(text.strip(), column.forRow(rowId));
    }

    /** As {@link #sealText}, keeping the text exactly as typed (a note keeps its own spacing). */
    public byte @Nullable [] sealTextAsTyped(@Nullable String text, EncryptedColumn column, java.util.UUID rowId) {
        return org.casebook.validation.Text.isBlank(text) ? null : seal(text, column.forRow(rowId));
    }

    /**
     * Decrypts one row's column; {@code null} stays {@code null}, and so do no bytes at all (what anonymisation
     * leaves in a column that may not be null: "overwritten with nothing").
     */
    public @Nullable String openText(byte @Nullable [] sealed, EncryptedColumn column, java.util.UUID rowId) {
        return sealed == null || sealed.length == 0 ? null : open(sealed, column.forRow(rowId));
    }

    /** Encrypts {@code plaintext} for the given place; {@code null} stays {@code null}. */
    public byte @Nullable [] seal(@Nullable String plaintext, FieldContext context) {
        if (plaintext == null) {
            return null;
        }
        try {
            return aead.encrypt(plaintext.getBytes(UTF_8), context.associatedData());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt " + context.describe(), e);
        }
    }

    /**
     * Decrypts a value read from the given place; {@code null} stays {@code null}.
     *
     * @throws FieldDecryptionException when the value was altered, belongs to another row, column or
     *     table, or was sealed with a key this keyset does not hold
     */
    public @Nullable String open(byte @Nullable [] ciphertext, FieldContext context) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return new String(aead.decrypt(ciphertext, context.associatedData()), UTF_8);
        } catch (GeneralSecurityException e) {
            var keyId = keyIdOf(ciphertext);
            if (keyId == null) {
                throw new FieldDecryptionException(context, "it is not a Casebook ciphertext (no key id)");
            }
            if (!enabledKeyIds.contains(keyId)) {
                throw new FieldDecryptionException(
                        context,
                        "it was encrypted with key " + Integer.toUnsignedString(keyId)
                                + ", which this keyset does not hold (was the keyset rotated and this instance not restarted?)");
            }
            throw new FieldDecryptionException(context, "it was altered, or copied here from another row or column");
        }
    }

    /**
     * Encrypts binary content for the given place (a chunk of a document, for example). Callers that store
     * a file in chunks bind each chunk's place to the row, the chunk's position and whether it is the last,
     * so chunks can be neither swapped, reordered nor cut off unnoticed.
     */
    public byte[] sealBytes(byte[] plaintext, FieldContext context) {
        try {
            return aead.encrypt(plaintext, context.associatedData());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt " + context.describe(), e);
        }
    }

    /**
     * Decrypts binary content sealed by {@link #sealBytes} for the same place.
     *
     * @throws FieldDecryptionException when it was altered, moved, or sealed with a key this keyset lacks
     */
    public byte[] openBytes(byte[] ciphertext, FieldContext context) {
        try {
            return aead.decrypt(ciphertext, context.associatedData());
        } catch (GeneralSecurityException e) {
            var keyId = keyIdOf(ciphertext);
            if (keyId != null && !enabledKeyIds.contains(keyId)) {
                throw new FieldDecryptionException(
                        context,
                        "it was encrypted with key " + Integer.toUnsignedString(keyId)
                                + ", which this keyset does not hold");
            }
            throw new FieldDecryptionException(context, "it was altered, or copied here from another place");
        }
    }

    /** The key new values are sealed with. */
    int primaryKeyId() {
        return primaryKeyId;
    }

    /** The five bytes every ciphertext sealed with the primary key starts with. */
    byte[] primaryKeyPrefix() {
        return primaryKeyPrefix.clone();
    }

    /** The key id in a ciphertext's Tink prefix, or {@code null} if it has none. */
    static @Nullable Integer keyIdOf(byte[] ciphertext) {
        if (ciphertext.length < KEY_ID_PREFIX_SIZE || ciphertext[0] != TINK_PREFIX_VERSION) {
            return null;
        }
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
