package org.casebook.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The keyed hash of one entry: HMAC-SHA-256 over the entry's canonical bytes followed by the
 * previous entry's hash. Canonical bytes are computed here, in Java, with times as UTC epoch
 * milliseconds, so PostgreSQL and H2 give the same answer. Not thread-safe: one per thread or use.
 */
final class ChainHasher {

    static final int HASH_LENGTH = 32;

    private final Mac mac;
    private ByteBuffer buffer = ByteBuffer.allocate(1024);

    ChainHasher(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    byte[] hash(StoredEntry entry) {
        buffer.clear();
        putLong(entry.seq());
        putLong(entry.occurredAtMs());
        putLong(entry.actorId() == null ? Long.MIN_VALUE : entry.actorId());
        putString(entry.actorUsername());
        putString(entry.actorRoles());
        putString(entry.action());
        putString(entry.recordType());
        putString(entry.recordId());
        putString(entry.clientRef());
        putString(entry.outcome());
        putString(entry.reason());
        putString(entry.sourceAddress());
        mac.update(buffer.array(), 0, buffer.position());
        return mac.doFinal(entry.prevHash());
    }

    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private void putLong(long value) {
        ensure(Long.BYTES);
        buffer.putLong(value);
    }

    private void putString(@Nullable String value) {
        if (value == null) {
            ensure(Integer.BYTES);
            buffer.putInt(-1);
            return;
        }
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(Integer.BYTES + bytes.length);
        buffer.putInt(bytes.length);
        buffer.put(bytes);
    }

    private void ensure(int more) {
        if (buffer.remaining() < more) {
            var bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
    }
}
