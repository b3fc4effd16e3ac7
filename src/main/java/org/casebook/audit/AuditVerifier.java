package org.casebook.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams the whole log once, in chain order (legacy segment, then block by block, then the entries not
 * yet chained), never holding it in memory, and reports the first problem by position and why.
 *
 * <p>Entry MACs are independent of each other, so they are checked in batches on worker threads while
 * the reading thread checks what depends on order: block membership, counts and hashes, the block
 * chain, each writer's gapless numbering, the heads and the anchors. A writer's gap is judged at the
 * end of its block: filled later in the block, it is a reordering; still open, entries are missing.
 *
 * <p>On PostgreSQL the entries arrive as binary COPY rows ({@link CopyRows}), whose bytes give each
 * MAC's input directly, in chunks of consecutive blocks that two further connections, importing this
 * transaction's exported snapshot, read ahead while the walk checks the chunk before; the blocks stream
 * through a third connection in the same snapshot. At most two chunks a reader and a few MAC batches
 * are held at once, however long the log. On H2 (the demo) a plain streamed query feeds the same walk.
 */
@Component
class AuditVerifier implements DisposableBean {

    private static final byte[] GENESIS = new byte[ChainHasher.HASH_LENGTH];
    private static final int FETCH_SIZE = 10_000;
    private static final int BATCH = 4_096;
    /** Entries a COPY reads at a time on PostgreSQL, and how many connections read ahead in parallel. */
    private static final int CHUNK_ENTRIES = 16_384;

    private static final int READERS = 2;
    /** Chain order: the legacy segment (block 0), block by block, then the entries not yet chained. */
    private static final String ENTRY_ORDER = "order by block_no nulls last, seq";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final AuditKey key;
    private final AuditAnchors anchors;
    private final Duration bound;
    private final int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final ExecutorService macWorkers = Executors.newFixedThreadPool(workers, task -> {
        var thread = new Thread(task, "audit-verify-mac");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService readerThreads = Executors.newCachedThreadPool(task -> {
        var thread = new Thread(task, "audit-verify-read");
        thread.setDaemon(true);
        return thread;
    });
    private final ThreadLocal<ChainHasher> hashers;
    /** Entries a chunk is sized for; tests make it tiny so that a small log spans many chunks. */
    int chunkEntries = CHUNK_ENTRIES;

    int readerCount = READERS;

    AuditVerifier(JdbcTemplate jdbc, AuditKey key, AuditAnchors anchors, AuditProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = java.util.Objects.requireNonNull(jdbc.getDataSource());
        this.key = key;
        this.anchors = anchors;
        this.bound = properties.chainBound();
        this.hashers = ThreadLocal.withInitial(() -> new ChainHasher(key.bytes()));
    }

    @Override
    public void destroy() {
        macWorkers.shutdownNow();
        readerThreads.shutdownNow();
    }

    /**
     * Runs in one read-only snapshot (repeatable read), so heads, blocks and entries agree even while
     * writers and the sequencer carry on, and PostgreSQL streams rows with a cursor.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public VerificationResult verify() {
        var started = System.nanoTime();
        var anchorFile = anchors.read();
        long now = System.currentTimeMillis();
        if (!anchorFile.forgedLines().isEmpty()) {
            return VerificationResult.broken(
                    0,
                    0,
                    0,
                    ChainProblem.CHANGED,
                    "Line " + anchorFile.forgedLines().getFirst()
                            + " of the anchor file is not authentic: someone edited the anchors.",
                    0,
                    0,
                    bound,
                    Duration.ofNanos(System.nanoTime() - started));
        }
        var walk = new Walk(anchorFile.valid(), now);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            walk.run(connection);
            return null;
        });
        var took = Duration.ofNanos(System.nanoTime() - started);
        var first = walk.first;
        if (first != null) {
            return VerificationResult.broken(
                    walk.entries,
                    walk.anchorsChecked,
                    first.seq(),
                    first.problem(),
                    first.message(),
                    walk.unchained,
                    walk.overdue,
                    bound,
                    took);
        }
        return VerificationResult.intact(walk.entries, walk.anchorsChecked, walk.unchained, walk.overdue, bound, took);
    }

    /**
     * A second connection that sees exactly what the verifying transaction sees: a read-only repeatable-read
     * transaction importing its exported snapshot. Rolled back and returned to the pool on close.
     */
    private final class SameSnapshot implements AutoCloseable {
        final Connection connection;

        SameSnapshot(String snapshot) throws SQLException {
            connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                if (snapshot == null || !snapshot.matches("[0-9A-Fa-f-]+")) {
                    throw new SQLException("unexpected snapshot id from PostgreSQL: " + snapshot);
                }
                // The first statement of its transaction, as PostgreSQL requires (not a bind parameter: SET).
                try (var statement = connection.createStatement()) {
                    statement.execute("set transaction snapshot '" + snapshot + "'");
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }

    private String exportSnapshot(Connection verifying) throws SQLException {
        try (var statement = verifying.createStatement();
                var rs = statement.executeQuery("select pg_export_snapshot()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Reads every {@code step}-th chunk, from {@code first}, through its own connection in the verifying
     * snapshot, and hands each over whole (its rows' messages) once the walk has taken the one before:
     * so PostgreSQL produces the next chunks on other backends while the walk checks this one, and at
     * most two chunks a reader are held.
     */
    private final class Reader implements Runnable {
        final java.util.concurrent.BlockingQueue<Object> handoff = new java.util.concurrent.ArrayBlockingQueue<>(1);
        private final String snapshot;
        private final List<String> chunks;
        private final int first;
        private final int step;

        Reader(String snapshot, List<String> chunks, int first, int step) {
            this.snapshot = snapshot;
            this.chunks = chunks;
            this.first = first;
            this.step = step;
        }

        @Override
        public void run() {
            try (var same = new SameSnapshot(snapshot)) {
                var copyApi = same.connection.unwrap(PGConnection.class).getCopyAPI();
                for (int c = first; c < chunks.size(); c += step) {
                    var messages = new ArrayList<byte[]>();
                    var copy = copyApi.copyOut(chunks.get(c));
                    byte[] message;
                    while ((message = copy.readFromCopy()) != null) {
                        messages.add(message);
                    }
                    handoff.put(messages);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable failed) {
                handoff.clear();
                handoff.offer(failed);
            }
        }
    }

    private record Found(long position, long seq, ChainProblem problem, String message) {}

    private record Block(
            long no,
            byte @Nullable [] prevHash,
            int entryCount,
            @Nullable Long firstSeq,
            long sealedAtMs,
            byte[] hash) {}

    /** Positions a writer skipped, and where; filled later, they were reordered, never filled, removed. */
    private static final class Gap {
        final WriterState writer;
        final long from;
        final long to;
        final long position;
        final long seq;
        boolean filled;

        Gap(WriterState writer, long from, long to, long position, long seq) {
            this.writer = writer;
            this.from = from;
            this.to = to;
            this.position = position;
            this.seq = seq;
        }
    }

    private static final class WriterState {
        final String id;
        long expected = 1;
        final List<Gap> gaps = new ArrayList<>(1);

        WriterState(String id) {
            this.id = id;
        }
    }

    /**
     * A writer id as stored bytes, the key of the writers seen; a mutable probe looks rows up without
     * decoding their writer into a String.
     */
    private static final class WriterKey {
        byte[] bytes;
        int offset;
        int length;
        int hash;

        WriterKey(byte[] bytes, int offset, int length) {
            set(bytes, offset, length);
        }

        void set(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
            int h = 1;
            for (int i = offset; i < offset + length; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WriterKey key
                    && Arrays.equals(bytes, offset, offset + length, key.bytes, key.offset, key.offset + key.length);
        }
    }

    /**
     * Entries whose MACs a worker checks, as the bytes each MAC covers and the stored MAC, in flat
     * arrays reused from batch to batch; answers the index of the first wrong one, or -1.
     */
    private final class MacBatch {
        byte[] input = new byte[BATCH * 192];
        final int[] ends = new int[BATCH];
        final byte[] macs = new byte[BATCH * ChainHasher.HASH_LENGTH];
        final int[] macLengths = new int[BATCH];
        final long[] seqs = new long[BATCH];
        final long[] positions = new long[BATCH];
        final boolean[] suspicious = new boolean[BATCH];
        int size;

        @Nullable
        Future<Integer> result;

        void add(EntryRow row, long position, boolean isSuspicious) {
            int start = size == 0 ? 0 : ends[size - 1];
            if (input.length < start + row.macLength) {
                input = Arrays.copyOf(input, Math.max(2 * input.length, start + row.macLength));
            }
            System.arraycopy(row.macInput, 0, input, start, row.macLength);
            ends[size] = start + row.macLength;
            int length = Math.min(row.hashLength, ChainHasher.HASH_LENGTH);
            System.arraycopy(row.hash, row.hashOffset, macs, size * ChainHasher.HASH_LENGTH, length);
            macLengths[size] = row.hashLength;
            seqs[size] = row.seq;
            positions[size] = position;
            suspicious[size] = isSuspicious;
            size++;
        }

        int check() {
            var hasher = hashers.get();
            int start = 0;
            for (int i = 0; i < size; i++) {
                if (!hasher.macMatches(
                        input, start, ends[i] - start, macs, i * ChainHasher.HASH_LENGTH, macLengths[i])) {
                    return i;
                }
                start = ends[i];
            }
            return -1;
        }
    }

    private final class Walk {
        private final Map<Long, AuditAnchors.Anchor> legacyAnchors = new HashMap<>();
        private final Map<Long, AuditAnchors.Anchor> blockAnchors = new HashMap<>();
        private final long now;
        private final ChainHasher blockHasher = new ChainHasher(key.bytes());
        private final Map<WriterKey, WriterState> writers = new HashMap<>();
        private final WriterKey probe = new WriterKey(new byte[0], 0, 0);
        private final ArrayDeque<MacBatch> spare = new ArrayDeque<>();
        private final List<Gap> openGaps = new ArrayList<>();
        private final ArrayDeque<MacBatch> inFlight = new ArrayDeque<>();
        private MacBatch filling = new MacBatch();

        @Nullable
        Found first;

        long entries;
        long anchorsChecked;
        long unchained;
        long overdue;
        private long position;

        // legacy segment (block 0)
        private long legacyHeadSeq;
        private byte[] legacyHeadHash = GENESIS;
        private long expectedSeq = 1;
        private byte[] expectedPrev = GENESIS;
        private @Nullable StoredEntry pending;
        private boolean legacyBroken;

        // blocks
        private @Nullable ResultSet blockRows;
        private @Nullable Block nextBlock;
        private @Nullable Block current;
        private int currentCount;
        private long lastBlockNo = -1;
        private byte @Nullable [] lastBlockHash;

        Walk(List<AuditAnchors.Anchor> anchorList, long now) {
            this.now = now;
            for (var anchor : anchorList) {
                (anchor.block() ? blockAnchors : legacyAnchors).put(anchor.seq(), anchor);
            }
        }

        void found(long at, long seq, ChainProblem problem, String message) {
            if (first == null || at < first.position()) {
                first = new Found(at, seq, problem, message);
            }
        }

        void run(Connection connection) throws SQLException {
            try (var heads = connection.createStatement();
                    var legacy = heads.executeQuery("select seq, hash from audit_chain_head where id = 1")) {
                if (legacy.next()) {
                    legacyHeadSeq = legacy.getLong(1);
                    legacyHeadHash = legacy.getBytes(2);
                }
            }
            long ledgerHeadNo;
            byte[] ledgerHeadHash;
            try (var heads = connection.createStatement();
                    var ledger = heads.executeQuery("select block_no, hash from audit_ledger_head where id = 1")) {
                if (!ledger.next()) {
                    found(0, 0, ChainProblem.MISSING, "The ledger head is missing.");
                    return;
                }
                ledgerHeadNo = ledger.getLong(1);
                ledgerHeadHash = ledger.getBytes(2);
            }
            boolean postgres = connection.isWrapperFor(PGConnection.class);
            // On PostgreSQL the entries come through COPY, which holds its connection until the end, so the
            // blocks stream through a second connection sharing this transaction's snapshot.
            String snapshot = postgres ? exportSnapshot(connection) : "";
            try (var blocksConnection = postgres ? new SameSnapshot(snapshot) : null;
                    var blocks = streaming(
                            postgres ? blocksConnection.connection : connection,
                            "select block_no, "
                                    + "prev_hash, entry_count, first_seq, sealed_at_ms, hash from audit_block order by block_no",
                            1_000)) {
                try (var blockResult = blocks.executeQuery()) {
                    blockRows = blockResult;
                    advanceBlock();
                    if (postgres) {
                        copyEntries(connection, snapshot);
                    } else {
                        selectEntries(connection);
                    }
                    finishLegacy();
                    closeBlock();
                    while (nextBlock != null) {
                        openBlock(nextBlock);
                        advanceBlock();
                        closeBlock();
                    }
                    closeGaps();
                    drain(0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification was interrupted", e);
            }
            position++;
            if (lastBlockNo < ledgerHeadNo) {
                found(
                        position,
                        0,
                        ChainProblem.MISSING,
                        (lastBlockNo + 1 == ledgerHeadNo
                                        ? "Block %d is missing".formatted(ledgerHeadNo)
                                        : "Blocks %d to %d are missing".formatted(lastBlockNo + 1, ledgerHeadNo))
                                + ": the ledger head records block %d.".formatted(ledgerHeadNo));
            } else if (lastBlockNo > ledgerHeadNo) {
                found(
                        position,
                        0,
                        ChainProblem.INSERTED,
                        "Block %d was not sealed by Casebook: it lies beyond the ".formatted(lastBlockNo)
                                + "ledger head (block %d).".formatted(ledgerHeadNo));
            } else if (!ChainHasher.same(lastBlockHash, ledgerHeadHash)) {
                found(
                        position,
                        0,
                        ChainProblem.CHANGED,
                        "The ledger head does not match block %d, the last block.".formatted(lastBlockNo));
            }
            blockAnchors.values().stream()
                    .filter(anchor -> anchor.seq() > lastBlockNo)
                    .max((a, b) -> Long.compare(a.seq(), b.seq()))
                    .ifPresent(anchor -> found(
                            position,
                            0,
                            ChainProblem.MISSING,
                            ("Blocks after %d are missing: an " + "anchor written at %s records block %d.")
                                    .formatted(
                                            lastBlockNo,
                                            Instant.ofEpochMilli(anchor.takenAtMs())
                                                    .atOffset(ZoneOffset.UTC),
                                            anchor.seq())));
        }

        /**
         * PostgreSQL: the entries as a binary COPY of a query, in this transaction's snapshot, parsed by
         * hand from the driver's messages (a cursor's result set cost several times more per row).
         */
        private void copyEntries(Connection connection, String snapshot) throws SQLException, InterruptedException {
            var chunks = chunks(connection);
            var readers = new ArrayList<Reader>();
            var running = new ArrayList<Future<?>>();
            for (int i = 0; i < Math.min(readerCount, chunks.size()); i++) {
                var reader = new Reader(snapshot, chunks, i, Math.min(readerCount, chunks.size()));
                readers.add(reader);
                running.add(readerThreads.submit(reader));
            }
            var row = new EntryRow();
            try {
                for (int c = 0; c < chunks.size(); c++) {
                    var handed = readers.get(c % readers.size()).handoff.take();
                    if (handed instanceof Throwable failed) {
                        throw new SQLException("reading audit entries failed", failed);
                    }
                    var rows = new CopyRows();
                    @SuppressWarnings("unchecked")
                    var messages = (List<byte[]>) handed;
                    for (int i = 0; i < messages.size(); i++) {
                        if (rows.read(messages.get(i), row)) {
                            entry(row);
                        }
                        messages.set(i, null);
                    }
                }
            } finally {
                for (var reader : running) {
                    reader.cancel(true);
                }
            }
        }

        /**
         * The chain order cut into consecutive ranges of blocks of about {@link #CHUNK_ENTRIES} entries
         * (sized from the block table; only speed depends on it: the first range is open below, the last
         * above, and the entries not yet chained come last), one COPY query each.
         */
        private List<String> chunks(Connection connection) throws SQLException {
            long maxBlock;
            long total;
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery(
                            "select coalesce(max(block_no), 0), coalesce(sum(entry_count), 0) from audit_block")) {
                rs.next();
                maxBlock = rs.getLong(1);
                total = rs.getLong(2);
            }
            long perChunk = Math.max(1, (maxBlock + 1) * chunkEntries / Math.max(1, total));
            var chunks = new ArrayList<String>();
            var select = "copy (select " + CopyRows.COLUMNS + " from audit_entry where ";
            var order = " " + ENTRY_ORDER + ") to stdout (format binary)";
            long low = 0;
            while (low + perChunk <= maxBlock) {
                chunks.add(select + (low == 0 ? "" : "block_no >= " + low + " and ") + "block_no < " + (low + perChunk)
                        + order);
                low += perChunk;
            }
            chunks.add(select + (low == 0 ? "block_no is not null" : "block_no >= " + low) + order);
            chunks.add(select + "block_no is null" + order);
            return chunks;
        }

        /** Any other database (H2): a plain streamed query. */
        private void selectEntries(Connection connection) throws SQLException, InterruptedException {
            var hasher = new ChainHasher(key.bytes());
            var row = new EntryRow();
            try (var statement = streaming(
                            connection,
                            "select " + StoredEntry.COLUMNS + ", written_ms from audit_entry " + ENTRY_ORDER,
                            FETCH_SIZE);
                    var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var entry = StoredEntry.read(rows);
                    long written = rows.getLong(18);
                    row.fill(entry, rows.wasNull() ? null : written, hasher);
                    entry(row);
                }
            }
        }

        private PreparedStatement streaming(Connection connection, String sql, int fetchSize) throws SQLException {
            var statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            if (statement.isWrapperFor(PGStatement.class)) {
                // Server-prepared at once: binary results, so hashes and numbers arrive as bytes, not text.
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            return statement;
        }

        private void advanceBlock() throws SQLException {
            var rs = blockRows;
            if (rs != null && rs.next()) {
                long firstSeq = rs.getLong(4);
                nextBlock = new Block(
                        rs.getLong(1),
                        rs.getBytes(2),
                        rs.getInt(3),
                        rs.wasNull() ? null : firstSeq,
                        rs.getLong(5),
                        rs.getBytes(6));
            } else {
                nextBlock = null;
            }
        }

        private void entry(EntryRow entry) throws SQLException, InterruptedException {
            entries++;
            position++;
            var legacyEntry = entry.legacy;
            if (legacyEntry != null) {
                legacy(legacyEntry);
                return;
            }
            finishLegacy();
            long blockNo = entry.blockNo;
            if (!entry.chained) {
                if (current != null || nextBlock != null) {
                    closeBlock();
                    while (nextBlock != null) {
                        openBlock(nextBlock);
                        advanceBlock();
                        closeBlock();
                    }
                    closeGaps();
                }
                unchained++;
                if (!entry.hasWritten || entry.writtenMs < now - bound.toMillis()) {
                    overdue++;
                }
                ledgerEntry(entry);
                return;
            }
            if (current == null || current.no() != blockNo) {
                closeBlock();
                while (nextBlock != null && nextBlock.no() < blockNo) {
                    openBlock(nextBlock);
                    advanceBlock();
                    closeBlock();
                }
                if (nextBlock != null && nextBlock.no() == blockNo) {
                    openBlock(nextBlock);
                    advanceBlock();
                } else {
                    found(
                            position,
                            entry.seq,
                            ChainProblem.INSERTED,
                            ("Entry %d was not chained by Casebook: it "
                                            + "claims block %d, which the ledger does not hold.")
                                    .formatted(entry.seq, blockNo));
                    ledgerEntry(entry);
                    return;
                }
            }
            currentCount++;
            blockHasher.addToBlock(entry.seq, entry.hash, entry.hashOffset, entry.hashLength);
            ledgerEntry(entry);
        }

        /** Writer order (here, in stream order) and the entry's MAC (on a worker). */
        private void ledgerEntry(EntryRow entry) throws InterruptedException {
            boolean suspicious = writerOrder(entry);
            var batch = filling;
            batch.add(entry, position, suspicious);
            if (batch.size == BATCH) {
                submit();
            }
        }

        /** Returns whether the entry's writer position is not its own (unknown writer or a repeat). */
        private boolean writerOrder(EntryRow entry) {
            if (entry.writerLength < 0) {
                return true;
            }
            probe.set(entry.writer, entry.writerOffset, entry.writerLength);
            var state = writers.get(probe);
            boolean unknown = state == null;
            if (unknown) {
                var id = Arrays.copyOfRange(entry.writer, entry.writerOffset, entry.writerOffset + entry.writerLength);
                state = new WriterState(new String(id, StandardCharsets.UTF_8));
                writers.put(new WriterKey(id, 0, id.length), state);
            }
            var id = state.id;
            long number = entry.writerSeq;
            if (number == state.expected) {
                state.expected++;
                // A writer seen first here vouches for nothing: a wrong MAC then means a forgery.
                return unknown;
            }
            if (number > state.expected) {
                var gap = new Gap(state, state.expected, number - 1, position, entry.seq);
                state.gaps.add(gap);
                openGaps.add(gap);
                state.expected = number + 1;
                return unknown;
            }
            for (var gap : state.gaps) {
                if (!gap.filled && number >= gap.from && number <= gap.to) {
                    gap.filled = true;
                    found(
                            gap.position,
                            gap.seq,
                            ChainProblem.REORDERED,
                            ("Entry %d is out of order: its writer's "
                                            + "entry %d comes after it in the chain (entries were swapped or renumbered).")
                                    .formatted(gap.seq, number));
                    return false;
                }
            }
            found(
                    position,
                    entry.seq,
                    ChainProblem.INSERTED,
                    ("Entry %d was not written by Casebook: it repeats " + "entry %d of writer %s.")
                            .formatted(entry.seq, number, id));
            return true;
        }

        private void closeGaps() {
            for (var gap : openGaps) {
                if (!gap.filled) {
                    found(
                            gap.position,
                            gap.seq,
                            ChainProblem.MISSING,
                            (gap.from == gap.to
                                            ? "An entry is missing before entry %d: its writer's entry number %d"
                                                    .formatted(gap.seq, gap.from)
                                            : "Entries are missing before entry %d: its writer's entries %d to %d"
                                                    .formatted(gap.seq, gap.from, gap.to))
                                    + (gap.from == gap.to ? " was" : " were")
                                    + " removed after being written.");
                }
                gap.writer.gaps.remove(gap);
            }
            openGaps.clear();
        }

        private void openBlock(Block block) {
            position++;
            if (block.no() == 0) {
                if (!ChainHasher.same(block.hash(), legacyHeadHash)) {
                    found(position, 0, ChainProblem.CHANGED, "Block 0 does not match the head of the legacy chain.");
                }
            } else if (block.no() != lastBlockNo + 1) {
                found(
                        position,
                        block.firstSeq() == null ? 0 : block.firstSeq(),
                        ChainProblem.MISSING,
                        (lastBlockNo + 1 == block.no() - 1
                                ? "Block %d is missing.".formatted(lastBlockNo + 1)
                                : "Blocks %d to %d are missing.".formatted(lastBlockNo + 1, block.no() - 1)));
            } else if (!ChainHasher.same(block.prevHash(), lastBlockHash)) {
                found(
                        position,
                        block.firstSeq() == null ? 0 : block.firstSeq(),
                        ChainProblem.REORDERED,
                        "Block %d does not follow block %d in the chain.".formatted(block.no(), lastBlockNo));
            }
            current = block;
            currentCount = 0;
            if (block.no() > 0) {
                blockHasher.startBlock(
                        block.no(),
                        block.prevHash() == null ? new byte[0] : block.prevHash(),
                        block.entryCount(),
                        block.sealedAtMs());
            }
            lastBlockNo = block.no();
            lastBlockHash = block.hash();
        }

        private void closeBlock() {
            var block = current;
            if (block == null) {
                return;
            }
            current = null;
            position++;
            long seq = block.firstSeq() == null ? 0 : block.firstSeq();
            if (block.no() > 0) {
                if (currentCount < block.entryCount()) {
                    found(
                            position,
                            seq,
                            ChainProblem.MISSING,
                            "Block %d lists %d entries but holds only %d: entries were removed."
                                    .formatted(block.no(), block.entryCount(), currentCount));
                } else if (currentCount > block.entryCount()) {
                    found(
                            position,
                            seq,
                            ChainProblem.INSERTED,
                            "Block %d lists %d entries but holds %d: entries were added."
                                    .formatted(block.no(), block.entryCount(), currentCount));
                } else if (!ChainHasher.same(blockHasher.finishBlock(), block.hash())) {
                    found(
                            position,
                            seq,
                            ChainProblem.CHANGED,
                            ("Block %d no longer matches its keyed hash: its entries "
                                            + "were renumbered or moved, or the block was changed.")
                                    .formatted(block.no()));
                }
                var anchor = blockAnchors.get(block.no());
                if (anchor != null) {
                    anchorsChecked++;
                    if (!ChainHasher.same(anchor.hash(), block.hash())) {
                        found(
                                position,
                                seq,
                                ChainProblem.CHANGED,
                                "Block %d differs from anchor line %d.".formatted(block.no(), anchor.line()));
                    }
                }
            }
            closeGaps();
        }

        private void submit() throws InterruptedException {
            var batch = filling;
            batch.result = macWorkers.submit(batch::check);
            inFlight.addLast(batch);
            filling = fresh();
            drain(2 * workers);
        }

        private MacBatch fresh() {
            var batch = spare.pollFirst();
            return batch == null ? new MacBatch() : batch;
        }

        /** Collects finished batches until at most {@code keep} are in flight (bounded memory). */
        private void drain(int keep) throws InterruptedException {
            if (keep == 0 && filling.size > 0) {
                var last = filling;
                filling = fresh();
                last.result = macWorkers.submit(last::check);
                inFlight.addLast(last);
            }
            while (inFlight.size() > keep) {
                var batch = inFlight.pollFirst();
                int wrong;
                try {
                    wrong = batch.result.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("verifying entry MACs failed", e.getCause());
                }
                if (wrong >= 0) {
                    long seq = batch.seqs[wrong];
                    if (batch.suspicious[wrong]) {
                        found(
                                batch.positions[wrong],
                                seq,
                                ChainProblem.INSERTED,
                                ("Entry %d was not written " + "by Casebook: its keyed MAC does not match.")
                                        .formatted(seq));
                    } else {
                        found(
                                batch.positions[wrong],
                                seq,
                                ChainProblem.CHANGED,
                                ("Entry %d no longer " + "matches its keyed MAC: a field was changed.").formatted(seq));
                    }
                }
                batch.size = 0;
                batch.result = null;
                spare.addLast(batch);
            }
        }

        // ---- the legacy segment: entries written before the ledger, chained one to the next ----

        private void legacy(StoredEntry entry) {
            if (legacyBroken) {
                return;
            }
            if (pending != null) {
                checkLegacy(pending, entry);
            }
            pending = entry;
        }

        private void finishLegacy() {
            if (pending != null && !legacyBroken) {
                checkLegacy(pending, null);
                pending = null;
            }
            if (legacyBroken || expectedSeq < 0) {
                return;
            }
            long lastSeq = expectedSeq - 1;
            expectedSeq = -1;
            if (lastSeq < legacyHeadSeq) {
                found(
                        position,
                        lastSeq + 1,
                        ChainProblem.MISSING,
                        "Entries %d to %d are missing: the chain head ".formatted(lastSeq + 1, legacyHeadSeq)
                                + "records %d entries.".formatted(legacyHeadSeq));
            } else if (lastSeq > 0 && !ChainHasher.same(expectedPrev, legacyHeadHash)) {
                found(
                        position,
                        lastSeq,
                        ChainProblem.CHANGED,
                        "The chain head does not match entry %d, the last entry.".formatted(lastSeq));
            }
            legacyAnchors.values().stream()
                    .filter(anchor -> anchor.seq() > lastSeq)
                    .max((a, b) -> Long.compare(a.seq(), b.seq()))
                    .ifPresent(anchor -> found(
                            position,
                            lastSeq + 1,
                            ChainProblem.MISSING,
                            ("Entries after %d are " + "missing: an anchor written at %s records entry %d.")
                                    .formatted(
                                            lastSeq,
                                            Instant.ofEpochMilli(anchor.takenAtMs())
                                                    .atOffset(ZoneOffset.UTC),
                                            anchor.seq())));
        }

        private void brokenLegacy(long seq, ChainProblem problem, String message) {
            legacyBroken = true;
            found(position, seq, problem, message);
        }

        private void checkLegacy(StoredEntry entry, @Nullable StoredEntry next) {
            var hasher = blockHasher;
            long seq = entry.seq();
            if (seq > expectedSeq) {
                brokenLegacy(
                        expectedSeq,
                        ChainProblem.MISSING,
                        "Entries %d to %d are missing.".formatted(expectedSeq, seq - 1));
                return;
            }
            if (seq > legacyHeadSeq) {
                brokenLegacy(
                        seq,
                        ChainProblem.INSERTED,
                        ("Entry %d was not written by Casebook: it lies beyond " + "the chain head (%d).")
                                .formatted(seq, legacyHeadSeq));
                return;
            }
            var computed = hasher.hash(entry);
            if (!ChainHasher.same(computed, entry.hash())) {
                if (next != null
                        && ChainHasher.same(entry.prevHash(), expectedPrev)
                        && ChainHasher.same(next.prevHash(), expectedPrev)) {
                    brokenLegacy(
                            seq,
                            ChainProblem.INSERTED,
                            ("Entry %d was not written by Casebook: the entry "
                                            + "after it links straight to the one before it.")
                                    .formatted(seq));
                } else if (next != null && ChainHasher.same(entry.prevHash(), next.hash())) {
                    brokenLegacy(
                            seq,
                            ChainProblem.REORDERED,
                            "Entries %d and %d have been swapped.".formatted(seq, next.seq()));
                } else {
                    brokenLegacy(
                            seq,
                            ChainProblem.CHANGED,
                            "Entry %d no longer matches its keyed hash: a field was changed.".formatted(seq));
                }
                return;
            }
            if (!ChainHasher.same(entry.prevHash(), expectedPrev)) {
                brokenLegacy(
                        seq,
                        ChainProblem.REORDERED,
                        "Entry %d does not follow entry %d in the chain.".formatted(seq, seq - 1));
                return;
            }
            var anchor = legacyAnchors.get(seq);
            if (anchor != null) {
                anchorsChecked++;
                if (!ChainHasher.same(anchor.hash(), entry.hash())) {
                    brokenLegacy(
                            seq,
                            ChainProblem.CHANGED,
                            "Entry %d differs from anchor line %d.".formatted(seq, anchor.line()));
                    return;
                }
            }
            expectedSeq = seq + 1;
            expectedPrev = entry.hash();
        }
    }
}
