package org.casebook.audit;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of {@code COPY (select COLUMNS ...) TO STDOUT (FORMAT binary)} straight from the
 * driver's messages (PostgreSQL sends one CopyData message per row, the file header before the first
 * row, and a trailer of field count -1), without a result set, a String or a boxed number per row.
 *
 * <p>The MAC input is put together from the wire bytes: in the binary format a text value is its
 * 32-bit length (-1 for NULL) followed by its UTF-8 bytes (the driver's client encoding), exactly how
 * {@link ChainHasher} writes a string, so the nine text fields are copied as they are, in one piece.
 * Only the numbers differ (length-prefixed on the wire, bare in the MAC, NULL actor as
 * {@code Long.MIN_VALUE}). {@code CopyRowsPostgresTest} proves both give the same bytes.
 */
final class CopyRows {

    /** The selected columns, in the order this class reads them; the nine texts must stay adjacent. */
    static final String COLUMNS = "seq, block_no, written_ms, hash, writer_id, writer_seq, occurred_at_ms, actor_id, "
            + "actor_username, actor_roles, action, record_type, record_id, client_ref, outcome, reason, "
            + "source_address, prev_hash";

    private static final int FIELDS = 18;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private boolean headerRead;
    private byte[] m = new byte[0];
    private int p;

    /** Fills {@code row} from one CopyData message; false at the trailer. */
    boolean read(byte[] message, EntryRow row) {
        m = message;
        p = 0;
        if (!headerRead) {
            for (int i = 0; i < SIGNATURE.length; i++) {
                if (m[i] != SIGNATURE[i]) {
                    throw new IllegalStateException("not a binary COPY stream");
                }
            }
            p = SIGNATURE.length + 4;
            int extension = int32();
            p += extension;
            headerRead = true;
        }
        int fields = (short) (((m[p] & 0xff) << 8) | (m[p + 1] & 0xff));
        p += 2;
        if (fields == -1) {
            return false;
        }
        if (fields != FIELDS) {
            throw new IllegalStateException("expected " + FIELDS + " columns, got " + fields);
        }
        row.seq = bigint(false, 0);
        int blockLength = peekLength();
        row.chained = blockLength >= 0;
        row.blockNo = bigint(true, 0);
        row.hasWritten = peekLength() >= 0;
        row.writtenMs = bigint(true, 0);
        int hashLength = int32();
        row.hash = m;
        row.hashOffset = p;
        row.hashLength = Math.max(hashLength, 0);
        p += row.hashLength;

        // MAC input: domain, writer (as on the wire), writer number, time, actor, then the nine texts.
        var domain = ChainHasher.ENTRY_DOMAIN;
        int writerStart = p;
        int writerLength = int32();
        row.writer = m;
        row.writerOffset = p;
        row.writerLength = writerLength;
        p += Math.max(writerLength, 0);
        int writerField = p - writerStart;
        row.writerSeq = bigint(true, 0);
        long occurredAt = bigint(false, 0);
        boolean noActor = peekLength() < 0;
        long actor = bigint(true, Long.MIN_VALUE);
        int textStart = p;
        for (int i = 0; i < 9; i++) {
            int length = int32();
            p += Math.max(length, 0);
        }
        int textLength = p - textStart;

        row.ensureMac(domain.length + writerField + 3 * Long.BYTES + textLength);
        var out = row.macInput;
        System.arraycopy(domain, 0, out, 0, domain.length);
        int o = domain.length;
        System.arraycopy(m, writerStart, out, o, writerField);
        o += writerField;
        o = putLong(out, o, row.writerSeq);
        o = putLong(out, o, occurredAt);
        o = putLong(out, o, actor);
        System.arraycopy(m, textStart, out, o, textLength);
        row.macLength = o + textLength;

        int prevLength = int32();
        byte @Nullable [] prevHash = null;
        if (prevLength >= 0) {
            prevHash = java.util.Arrays.copyOfRange(m, p, p + prevLength);
            p += prevLength;
        }
        row.legacy = row.chained && row.blockNo == 0
                ? legacy(row, occurredAt, noActor ? null : actor, textStart, prevHash)
                : null;
        return true;
    }

    /** A legacy entry decoded whole (rare: only entries written before the ledger). */
    private StoredEntry legacy(
            EntryRow row, long occurredAt, @Nullable Long actor, int textStart, byte @Nullable [] prevHash) {
        p = textStart;
        var texts = new String[9];
        for (int i = 0; i < 9; i++) {
            int length = int32();
            if (length >= 0) {
                texts[i] = new String(m, p, length, StandardCharsets.UTF_8);
                p += length;
            }
        }
        var hash = java.util.Arrays.copyOfRange(m, row.hashOffset, row.hashOffset + row.hashLength);
        return new StoredEntry(
                row.seq,
                occurredAt,
                actor,
                texts[0],
                texts[1],
                nonNull(texts[2]),
                texts[3],
                texts[4],
                texts[5],
                nonNull(texts[6]),
                texts[7],
                texts[8],
                prevHash,
                hash,
                row.writerId(),
                row.writerSeq,
                0L);
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }

    private int peekLength() {
        return ((m[p] & 0xff) << 24) | ((m[p + 1] & 0xff) << 16) | ((m[p + 2] & 0xff) << 8) | (m[p + 3] & 0xff);
    }

    private int int32() {
        int value = peekLength();
        p += 4;
        return value;
    }

    private long bigint(boolean nullable, long ifNull) {
        int length = int32();
        if (length < 0) {
            if (!nullable) {
                throw new IllegalStateException("unexpected NULL");
            }
            return ifNull;
        }
        if (length != Long.BYTES) {
            throw new IllegalStateException("expected a bigint, got " + length + " bytes");
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (m[p + i] & 0xff);
        }
        p += 8;
        return value;
    }

    private static int putLong(byte[] out, int o, long value) {
        for (int i = 7; i >= 0; i--) {
            out[o + i] = (byte) value;
            value >>>= 8;
        }
        return o + 8;
    }
}
