package org.casebook.riskplan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's stand-in for the PostgreSQL write-once triggers on plan versions, reviews and safeguarding records:
 * deletes are refused, and so are updates, except re-encryption under a new key, which changes only sealed
 * (binary) columns.
 */
public class WriteOnceH2Trigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && onlySealedColumnsDiffer(oldRow, newRow)) {
            return;
        }
        throw new SQLException("this record is write-once: add a new version or a comment instead", "42501");
    }

    private static boolean onlySealedColumnsDiffer(Object[] oldRow, Object[] newRow) {
        for (int i = 0; i < oldRow.length; i++) {
            if (!(oldRow[i] instanceof byte[]) && !(newRow[i] instanceof byte[]) && !Objects.equals(oldRow[i], newRow[i])) {
                return false;
            }
        }
        return true;
    }
}
