package org.casebook.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's stand-in for the PostgreSQL entry guard (see db/migration/h2/V22): an update may only set the
 * entry's block from NULL and change nothing else; deletion is refused.
 */
public class AuditEntryH2Trigger implements Trigger {

    private int blockColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (var statement = connection.prepareStatement("select ordinal_position from information_schema.columns "
                + "where table_schema = ? and table_name = ? and column_name = 'BLOCK_NO'")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (var rs = statement.executeQuery()) {
                if (rs.next()) {
                    blockColumn = rs.getInt(1) - 1;
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null
                && blockColumn >= 0
                && oldRow[blockColumn] == null
                && newRow[blockColumn] != null
                && onlyBlockChanged(oldRow, newRow)) {
            return;
        }
        throw new SQLException("the audit log is append-only", "42501");
    }

    private boolean onlyBlockChanged(Object[] oldRow, Object[] newRow) {
        for (int i = 0; i < oldRow.length; i++) {
            if (i != blockColumn && !Objects.deepEquals(oldRow[i], newRow[i])) {
                return false;
            }
        }
        return true;
    }
}
