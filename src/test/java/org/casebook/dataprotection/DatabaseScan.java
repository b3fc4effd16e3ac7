package org.casebook.dataprotection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casebook.encryption.EncryptedColumn;
import org.casebook.encryption.FieldEncryption;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads every column of every table of the application's schema (from the database's own catalogue, so a table
 * added later is scanned too) and reports where any of the given texts is: in clear text columns, as raw bytes in
 * binary columns, and, for the declared encrypted columns, in the decrypted value. It can also report where any
 * of a set of ciphertexts (captured before anonymisation) still lies, in any binary column.
 */
final class DatabaseScan {

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final Map<String, EncryptedColumn> declared = new HashMap<>();

    DatabaseScan(JdbcTemplate jdbc, FieldEncryption encryption, Collection<EncryptedColumn> columns) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        columns.forEach(c -> declared.put(c.qualifiedName(), c));
    }

    /** A column as the catalogue names it (quoted in queries: H2 keeps some names in lower case). */
    record Column(String rawTable, String rawName, boolean binary) {
        String qualified() {
            return (rawTable + "." + rawName).toLowerCase(Locale.ROOT);
        }

        String table() {
            return '"' + rawTable + '"';
        }

        String name() {
            return '"' + rawName + '"';
        }
    }

    List<Column> columns() {
        return jdbc
                .query("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema() order by table_name, ordinal_position""", (rs, n) -> {
                    var type = rs.getString(3).toLowerCase(Locale.ROOT);
                    return new Column(
                            rs.getString(1), rs.getString(2), type.contains("bytea") || type.contains("binary"));
                })
                .stream()
                .filter(c -> !c.rawTable().toLowerCase(Locale.ROOT).startsWith("pg_"))
                .toList();
    }

    /** Every place ({@code table.column: text}) where one of the texts is found, in clear or decrypted. */
    List<String> find(Collection<String> texts) {
        var found = new ArrayList<String>();
        for (var column : columns()) {
            var encrypted = declared.get(column.qualified());
            if (encrypted != null) {
                jdbc.query(
                        "select " + encrypted.idColumn() + ", " + column.name() + " from " + column.table() + " where "
                                + column.name() + " is not null",
                        rs -> {
                            var bytes = rs.getBytes(2);
                            if (bytes.length == 0) {
                                return;
                            }
                            var plain = openOrNull(bytes, encrypted, rs.getObject(1));
                            texts.stream()
                                    .filter(t -> plain != null && plain.contains(t))
                                    .forEach(t -> found.add(column.qualified() + " (decrypted): " + t));
                        });
            } else if (column.binary()) {
                jdbc.query(
                        "select " + column.name() + " from " + column.table() + " where " + column.name()
                                + " is not null",
                        rs -> {
                            var bytes = rs.getBytes(1);
                            texts.stream()
                                    .filter(t -> indexOf(bytes, t.getBytes(StandardCharsets.UTF_8)) >= 0)
                                    .forEach(t -> found.add(column.qualified() + " (raw): " + t));
                        });
            } else {
                jdbc.query(
                        "select cast(" + column.name() + " as varchar(100000)) from " + column.table() + " where "
                                + column.name() + " is not null",
                        rs -> {
                            var value = rs.getString(1);
                            texts.stream()
                                    .filter(value::contains)
                                    .forEach(t -> found.add(column.qualified() + ": " + t));
                        });
            }
        }
        return found;
    }

    /** The ciphertexts, among the declared encrypted columns, whose plaintext holds one of the texts. */
    List<byte[]> ciphertextsHolding(Collection<String> texts) {
        var found = new ArrayList<byte[]>();
        for (var encrypted : declared.values()) {
            jdbc.query(
                    "select " + encrypted.idColumn() + ", " + encrypted.column() + " from " + encrypted.table()
                            + " where " + encrypted.column() + " is not null",
                    rs -> {
                        var bytes = rs.getBytes(2);
                        if (bytes.length == 0) {
                            return;
                        }
                        var plain = openOrNull(bytes, encrypted, rs.getObject(1));
                        if (plain != null && texts.stream().anyMatch(plain::contains)) {
                            found.add(bytes);
                        }
                    });
        }
        return found;
    }

    /** Where any of these exact ciphertexts still lies, in any binary column of any table. */
    List<String> whereStill(List<byte[]> ciphertexts) {
        var found = new ArrayList<String>();
        for (var column : columns()) {
            if (!column.binary()) {
                continue;
            }
            jdbc.query(
                    "select " + column.name() + " from " + column.table() + " where " + column.name() + " is not null",
                    rs -> {
                        var bytes = rs.getBytes(1);
                        if (ciphertexts.stream().anyMatch(c -> Arrays.equals(c, bytes) || indexOf(bytes, c) >= 0)) {
                            found.add(column.qualified());
                        }
                    });
        }
        return found;
    }

    /** Other tests tamper with values on purpose; those cannot hold our texts readably, so they are skipped. */
    private @org.jspecify.annotations.Nullable String openOrNull(byte[] bytes, EncryptedColumn column, Object id) {
        try {
            return encryption.open(
                    bytes, new org.casebook.encryption.FieldContext(column.table(), column.column(), id.toString()));
        } catch (org.casebook.encryption.FieldDecryptionException unreadable) {
            return null;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
