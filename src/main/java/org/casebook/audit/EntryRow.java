package org.casebook.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One audit entry as verification needs it, refilled for every row so that a million rows cost no
 * million objects: its numbers, its writer (as stored bytes), its stored MAC and the exact bytes that
 * MAC covers. Only a legacy entry (block 0), whose chained hash needs every field, comes as a whole
 * {@link StoredEntry}.
 */
final class EntryRow {

    long seq;
    boolean chained;
    long blockNo;
    boolean hasWritten;
    long writtenMs;
    long writerSeq;

    /** The writer id in UTF-8, {@code writer[writerOffset, writerOffset + writerLength)}; length -1 when NULL. */
    byte[] writer = new byte[0];

    int writerOffset;
    int writerLength = -1;

    /** The stored MAC (column {@code hash}), {@code hash[hashOffset, hashOffset + hashLength)}. */
    byte[] hash = new byte[0];

    int hashOffset;
    int hashLength;

    /** What the entry's MAC covers ({@link ChainHasher#macInput}): {@code macInput[0, macLength)}. */
    byte[] macInput = new byte[512];

    int macLength;

    /** The whole entry, for legacy entries only. */
    @Nullable
    StoredEntry legacy;

    /** Fills this row from a whole entry (the plain JDBC path, used on H2). */
    void fill(StoredEntry entry, @Nullable Long written, ChainHasher hasher) {
        seq = entry.seq();
        chained = entry.blockNo() != null;
        blockNo = chained ? entry.blockNo() : 0;
        hasWritten = written != null;
        writtenMs = written == null ? 0 : written;
        writerSeq = entry.writerSeq();
        if (entry.writerId() == null) {
            writerLength = -1;
        } else {
            writer = entry.writerId().getBytes(StandardCharsets.UTF_8);
            writerOffset = 0;
            writerLength = writer.length;
        }
        hash = entry.hash();
        hashOffset = 0;
        hashLength = hash.length;
        legacy = chained && blockNo == 0 ? entry : null;
        if (legacy == null) {
            var input = hasher.macInput(entry);
            ensureMac(input.length);
            System.arraycopy(input, 0, macInput, 0, input.length);
            macLength = input.length;
        } else {
            macLength = 0;
        }
    }

    void ensureMac(int length) {
        if (macInput.length < length) {
            macInput = Arrays.copyOf(macInput, Math.max(length, 2 * macInput.length));
        }
    }

    @Nullable
    String writerId() {
        return writerLength < 0 ? null : new String(writer, writerOffset, writerLength, StandardCharsets.UTF_8);
    }
}
