package org.casebook.encryption;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every encrypted value to the primary key, while Casebook keeps running: batches in their own
 * short transactions, only rows whose Tink key-id prefix is not the primary key's, and each row is
 * written only if it still holds the ciphertext that was read (the application may have saved a new
 * value meanwhile, which must win). Run by {@code --casebook.reencrypt} (see {@link EncryptionCommands}).
 */
@Component
class ReEncryption {

    private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);

    private final FieldEncryption encryption;
    private final EncryptedColumns columns;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate batchTransaction;
    private final int batchSize;

    @Autowired
    ReEncryption(
            FieldEncryption encryption,
            EncryptedColumns columns,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            EncryptionProperties properties) {
        this(encryption, columns, jdbc, transactions, properties.reencryptBatchSize());
    }

    ReEncryption(
            FieldEncryption encryption,
            EncryptedColumns columns,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("casebook.encryption.reencrypt-batch-size must be at least 1");
        }
        this.encryption = encryption;
        this.columns = columns;
        this.jdbc = jdbc;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.batchTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchSize = batchSize;
    }

    /** Re-encrypts every declared column; {@code true} when no value is left on an old key. */
    boolean run() {
        if (columns.all().isEmpty()) {
            log.info("No encrypted columns are declared; nothing to re-encrypt");
            return true;
        }
        log.info(
                "Re-encrypting {} column(s) with the primary key {}",
                columns.all().size(),
                Integer.toUnsignedString(encryption.primaryKeyId()));
        var results = columns.all().stream().map(this::reencrypt).toList();
        long left = results.stream().mapToLong(Result::leftOnOldKey).sum();
        if (left > 0) {
            log.error(
                    "{} value(s) are still on an old key. Values that could not be decrypted are named above; "
                            + "values saved meanwhile by an instance still running the old keyset are moved by running "
                            + "--casebook.reencrypt again once every instance has been restarted",
                    left);
            return false;
        }
        log.info("Every encrypted value is on the primary key {}", Integer.toUnsignedString(encryption.primaryKeyId()));
        return true;
    }

    /**
     * What happened to one column.
     *
     * @param total values on an old key when the column was started
     * @param reencrypted values moved to the primary key
     * @param changedMeanwhile values the application replaced between our read and our write (left alone)
     * @param unreadable values that do not decrypt in their place (left alone, named in the log)
     * @param leftOnOldKey values still on an old key at the end
     */
    record Result(
            EncryptedColumn column,
            long total,
            long reencrypted,
            long changedMeanwhile,
            long unreadable,
            long leftOnOldKey) {}

    Result reencrypt(EncryptedColumn column) {
        var primaryPrefix = encryption.primaryKeyPrefix();
        long total = countOnOldKey(column, primaryPrefix);
        long seen = 0;
        long reencrypted = 0;
        long changedMeanwhile = 0;
        long unreadable = 0;
        Object after = null;
        log.info("{}: {}/{} rows", column.qualifiedName(), 0, total);
        while (true) {
            var lastSeen = after;
            var batch = batchTransaction.execute(status -> moveBatch(column, primaryPrefix, lastSeen));
            if (batch == null || batch.rows() == 0) {
                break;
            }
            seen += batch.rows();
            reencrypted += batch.reencrypted();
            changedMeanwhile += batch.changedMeanwhile();
            unreadable += batch.unreadable();
            after = batch.lastId();
            log.info("{}: {}/{} rows", column.qualifiedName(), seen, Math.max(seen, total));
        }
        long left = countOnOldKey(column, primaryPrefix);
        log.info(
                "{}: done; {} re-encrypted, {} changed meanwhile by the application, {} could not be decrypted, "
                        + "{} left on an old key",
                column.qualifiedName(),
                reencrypted,
                changedMeanwhile,
                unreadable,
                left);
        return new Result(column, total, reencrypted, changedMeanwhile, unreadable, left);
    }

    private long countOnOldKey(EncryptedColumn column, byte[] primaryPrefix) {
        var count = jdbc.queryForObject(
                "select count(*) from " + column.table() + " where " + onOldKey(column), Long.class, (Object)
                        primaryPrefix);
        return count == null ? 0 : count;
    }

    /** Values whose first five bytes (Tink's key-id prefix) are not the primary key's. */
    private static String onOldKey(EncryptedColumn column) {
        return column.column() + " is not null and substring(" + column.column() + " from 1 for "
                + FieldEncryption.KEY_ID_PREFIX_SIZE + ") <> ?";
    }

    private record Row(Object id, byte[] ciphertext) {}

    private record Batch(int rows, @Nullable Object lastId, long reencrypted, long changedMeanwhile, long unreadable) {}

    private Batch moveBatch(EncryptedColumn column, byte[] primaryPrefix, @Nullable Object after) {
        var sql = "select " + column.idColumn() + ", " + column.column() + " from " + column.table()
                + " where " + onOldKey(column) + (after == null ? "" : " and " + column.idColumn() + " > ?")
                + " order by " + column.idColumn() + " fetch first " + batchSize + " rows only";
        var parameters = new ArrayList<Object>(List.of(primaryPrefix));
        if (after != null) {
            parameters.add(after);
        }
        var rows = jdbc.query(sql, (rs, n) -> new Row(rs.getObject(1), rs.getBytes(2)), parameters.toArray());
        long reencrypted = 0;
        long changedMeanwhile = 0;
        long unreadable = 0;
        for (var row : rows) {
            var context = column.forRowId(row.id());
            String plaintext;
            try {
                plaintext = encryption.open(row.ciphertext(), context);
            } catch (FieldDecryptionException e) {
                log.warn("{}; left as it is", e.getMessage());
                unreadable++;
                continue;
            }
            // Compared with the ciphertext we read: a value saved since then is the application's, and stays.
            int updated = jdbc.update(
                    "update " + column.table() + " set " + column.column() + " = ? where " + column.idColumn()
                            + " = ? and " + column.column() + " = ?",
                    encryption.seal(plaintext, context),
                    row.id(),
                    row.ciphertext());
            if (updated == 1) {
                reencrypted++;
            } else {
                changedMeanwhile++;
            }
        }
        var lastId = rows.isEmpty() ? after : rows.getLast().id();
        return new Batch(rows.size(), lastId, reencrypted, changedMeanwhile, unreadable);
    }
}
