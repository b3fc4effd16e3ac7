package org.casebook.encryption;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where an encrypted value belongs. It becomes the ciphertext's associated data, so a value sealed
 * for one place opens only there.
 *
 * @param table the table, a lower-case SQL name such as {@code client}
 * @param column the column, a lower-case SQL name such as {@code summary}
 * @param rowId the row's id as text; for a UUID its {@code toString()} (what {@link EncryptedColumn#forRow}
 *     and the re-encryption job use)
 */
public record FieldContext(String table, String column, String rowId) {

    static final Pattern SQL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** Never change: every stored ciphertext is bound to this exact encoding. */
    private static final byte[] DOMAIN = "casebook.field.v1".getBytes(StandardCharsets.UTF_8);

    public FieldContext {
        requireSqlName(table, "table");
        requireSqlName(column, "column");
        if (rowId == null || rowId.isBlank() || rowId.length() > 200) {
            throw new IllegalArgumentException("A field's row id must be non-blank text of at most 200 characters");
        }
    }

    static String requireSqlName(String name, String what) {
        if (name == null || !SQL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "The " + what + " name '" + name + "' is not a lower-case SQL name (letters, digits, underscores)");
        }
        return name;
    }

    /** Associated data: a domain tag, then table, column and row id, each length-prefixed (unambiguous). */
    byte[] associatedData() {
        var out = new ByteArrayOutputStream();
        for (var part : new byte[][] {DOMAIN, bytes(table), bytes(column), bytes(rowId)}) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(part.length).array());
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code table.column of row id}: safe to log, it names the place and never the content. */
    String describe() {
        return table + "." + column + " of row " + rowId;
    }
}
