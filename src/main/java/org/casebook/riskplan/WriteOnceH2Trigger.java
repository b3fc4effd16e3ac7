package org.casebook.riskplan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's stand-in for the PostgreSQL write-once triggers on plan versions, reviews and safeguarding records:
 * deletes are refused, and so are updates, except re-encryption under a new key, which changes only sealed
 * (binary) columns, and anonymisation, which may only blank columns (null, '' or an empty binary) and only while
 * the session variable {@code @casebook_anonymising} is {@code 'on'} (set and cleared by the data-protection
 * module's Anonymiser around its one transaction; PostgreSQL's twin is migration V91).
 */
public class WriteOnceH2Trigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && onlySealedColumnsDiffer(oldRow, newRow)) {
            return;
        }
        if (oldRow != null && newRow != null && onlyBlanked(oldRow, newRow) && anonymising(connection)) {
            return;
        }
        throw new SQLException("this record is write-once: add a new version or a comment instead", "42501");
    }

    private static boolean onlyBlanked(Object[] oldRow, Object[] newRow) {
        for (int i = 0; i < oldRow.length; i++) {
            var value = newRow[i];
            boolean blank = value == null || "".equals(value) || value instanceof byte[] bytes && bytes.length == 0;
            if (!blank && !java.util.Objects.deepEquals(oldRow[i], value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anonymising(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("select @casebook_anonymising")) {
            return result.next() && "on".equals(result.getString(1));
        }
    }

    private static boolean onlySealedColumnsDiffer(Object[] oldRow, Object[] newRow) {
        for (int i = 0; i < oldRow.length; i++) {
            if (!(oldRow[i] instanceof byte[])
                    && !(newRow[i] instanceof byte[])
                    && !Objects.equals(oldRow[i], newRow[i])) {
                return false;
            }
        }
        return true;
    }
}
