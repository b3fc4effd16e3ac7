package org.casebook.loaddata;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/** Rows for one table in PostgreSQL's text COPY format, sent with one {@code COPY ... FROM STDIN}. */
final class CopyRows {

    private static final HexFormat HEX = HexFormat.of();

    private final String table;
    private final String columns;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private boolean first = true;
    private long count;

    CopyRows(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    CopyRows add(@Nullable Object value) {
        if (!first) {
            rows.append('\t');
        }
        first = false;
        switch (value) {
            case null -> rows.append("\\N");
            case byte[] bytes -> rows.append("\\\\x").append(HEX.formatHex(bytes));
            case String text -> escaped(text);
            case Instant instant -> rows.append(instant);
            case LocalDate date -> rows.append(date);
            default -> escaped(value.toString());
        }
        return this;
    }

    CopyRows row(Object... values) {
        for (var value : values) {
            add(value);
        }
        return end();
    }

    CopyRows end() {
        rows.append('\n');
        first = true;
        count++;
        return this;
    }

    long count() {
        return count;
    }

    /** Sends the rows gathered so far and starts afresh. */
    long flush(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            return connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("could not copy rows into " + table, e);
        } finally {
            rows.setLength(0);
        }
    }

    private void escaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
