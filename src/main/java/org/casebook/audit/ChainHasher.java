package org.casebook.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The keyed hashes of the audit log, all HMAC-SHA-256 with the audit key over canonical bytes computed
 * here, in Java, with times as UTC epoch milliseconds, so PostgreSQL and H2 give the same answer:
 * <ul>
 *   <li>{@link #mac}: a ledger entry's own MAC, over its fields, its writer and its writer number;</li>
 *   <li>{@link #startBlock} / {@link #addToBlock} / {@link #finishBlock}: a block's hash, over its number,
 *       the previous block's hash, its entry count and seal time, and each entry's number and MAC in order;</li>
 *   <li>{@link #hash}: a legacy entry's chained hash (its fields followed by the previous entry's hash),
 *       kept so entries written before the ledger still verify.</li>
 * </ul>
 * Not thread-safe: one per thread or use.
 */
final class ChainHasher {

    static final int HASH_LENGTH = 32;

    /** The first bytes of every entry's MAC input; {@link CopyRows} builds the rest from the wire. */
    static final byte[] ENTRY_DOMAIN = "casebook-audit-entry-v2".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] BLOCK_DOMAIN = "casebook-audit-block-v1".getBytes(StandardCharsets.US_ASCII);

    private final Mac mac;
    private final Mac block;
    private ByteBuffer buffer = ByteBuffer.allocate(1024);
    private final ByteBuffer member = ByteBuffer.allocate(Long.BYTES + Integer.BYTES);

    ChainHasher(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            block = Mac.getInstance("HmacSHA256");
            block.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** A legacy entry's hash: its fields, then the previous entry's hash. */
    byte[] hash(StoredEntry entry) {
        buffer.clear();
        putLong(entry.seq());
        putFields(entry);
        mac.update(buffer.array(), 0, buffer.position());
        return mac.doFinal(entry.prevHash() == null ? new byte[0] : entry.prevHash());
    }

    /**
     * A ledger entry's own MAC. It covers everything the entry says and who wrote it in which position
     * ({@code writerId}, {@code writerSeq}), but not its storage number {@code seq}, which the database
     * assigns on insert; the block binds each entry's number to its MAC when the entry is chained.
     */
    byte[] mac(StoredEntry entry) {
        fillEntryInput(entry);
        mac.update(buffer.array(), 0, buffer.position());
        return mac.doFinal();
    }

    /**
     * The bytes {@link #mac} authenticates, for verification, which checks them later on another thread
     * with {@link #macMatches}.
     */
    byte[] macInput(StoredEntry entry) {
        fillEntryInput(entry);
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Puts what an entry's MAC covers into {@code buffer}: the one definition both methods above use. */
    private void fillEntryInput(StoredEntry entry) {
        buffer.clear();
        ensure(ENTRY_DOMAIN.length);
        buffer.put(ENTRY_DOMAIN);
        putString(entry.writerId());
        putLong(entry.writerSeq());
        putFields(entry);
    }

    private final byte[] computed = new byte[HASH_LENGTH];

    /** Whether the MAC of {@code input[offset, offset + length)} is {@code expected[at, at + expectedLength)}. */
    boolean macMatches(byte[] input, int offset, int length, byte[] expected, int at, int expectedLength) {
        mac.update(input, offset, length);
        try {
            mac.doFinal(computed, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        return expectedLength == HASH_LENGTH
                && java.util.Arrays.equals(computed, 0, HASH_LENGTH, expected, at, at + HASH_LENGTH);
    }

    void startBlock(long blockNo, byte[] previousBlockHash, int entryCount, long sealedAtMs) {
        var header = ByteBuffer.allocate(BLOCK_DOMAIN.length + 3 * Long.BYTES + Integer.BYTES + HASH_LENGTH);
        header.put(BLOCK_DOMAIN)
                .putLong(blockNo)
                .putInt(entryCount)
                .putLong(sealedAtMs)
                .putLong(previousBlockHash.length)
                .put(previousBlockHash, 0, Math.min(previousBlockHash.length, HASH_LENGTH));
        block.reset();
        block.update(header.array(), 0, header.position());
    }

    void addToBlock(long seq, byte[] entryMac) {
        member.clear();
        member.putLong(seq).putInt(entryMac.length);
        block.update(member.array());
        block.update(entryMac);
    }

    void addToBlock(long seq, byte[] entryMac, int offset, int length) {
        member.clear();
        member.putLong(seq).putInt(length);
        block.update(member.array());
        block.update(entryMac, offset, length);
    }

    byte[] finishBlock() {
        return block.doFinal();
    }

    static boolean same(byte @Nullable [] a, byte @Nullable [] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    private void putFields(StoredEntry entry) {
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
