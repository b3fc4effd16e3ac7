package org.casebook.encryption;

import java.util.UUID;

/**
 * One encrypted column, declared by the module that owns it as a bean (a {@code @Bean} method returning a
 * constant such as {@code new EncryptedColumn("client", "id", "summary")}), so the re-encryption job finds
 * every encrypted value. The service uses the same constant for its {@link FieldContext}s:
 * {@code SUMMARY.forRow(clientId)}.
 *
 * @param table the table
 * @param idColumn its primary key column (a UUID assigned by the application)
 * @param column the encrypted column ({@code bytea})
 */
public record EncryptedColumn(String table, String idColumn, String column) {

    public EncryptedColumn {
        FieldContext.requireSqlName(table, "table");
        FieldContext.requireSqlName(idColumn, "id column");
        FieldContext.requireSqlName(column, "column");
    }

    /** The context of this column in the given row. */
    public FieldContext forRow(UUID rowId) {
        return new FieldContext(table, column, rowId.toString());
    }

    /** The context for a row id as the database returns it (the job reads ids without knowing their type). */
    FieldContext forRowId(Object rowId) {
        return new FieldContext(table, column, rowId.toString());
    }

    /** {@code table.column}, as progress lines show it. */
    public String qualifiedName() {
        return table + "." + column;
    }
}
