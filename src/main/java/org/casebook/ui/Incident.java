package org.casebook.ui;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A failure nobody expected (see {@link Incidents}), as people and operators see it: a short reference shown on screen and
 * written in the one ERROR log line, and plain words instead of the exception. The log gets the
 * exception's classes and stack only: messages can carry SQL and the values in it, which may be
 * clinical or identifying, so they reach neither the screen nor the log.
 */
public record Incident(String reference, boolean databaseUnreachable) {

    public static final String DATABASE_UNREACHABLE =
            "Casebook cannot reach its database; your text is kept, try again in a moment.";

    private static final Logger log = LoggerFactory.getLogger(Incident.class);
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"; // nothing easily confused
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Gives the failure a reference and logs it once, at ERROR, with that reference. {@code unreachable}
     * says the database is known to be unreachable even if the failure does not show it (see {@link Incidents}).
     */
    static Incident of(Throwable failure, boolean unreachable) {
        var reference = newReference();
        log.error(
                "Incident {}: {}{}\n{}",
                reference,
                unreachable ? "database unreachable, " : "",
                failure.getClass().getName(),
                stackWithoutMessages(failure));
        return new Incident(reference, unreachable);
    }

    /** What the person is told in a notification. */
    public String notificationText() {
        return databaseUnreachable
                ? DATABASE_UNREACHABLE + " (Reference " + reference + ".)"
                : "Something went wrong and Casebook could not finish this. What you typed is still on screen; "
                        + "try again. If it happens again, give your administrator this reference: " + reference + ".";
    }

    /**
     * True when the database could not be reached or went away: no connection within the pool's
     * timeout, a connection refused or broken (SQL state class 08), or the server shutting down (57P0x).
     */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            for (var suppressed : t.getSuppressed()) {
                // A failed rollback can carry the first error, the one that names the connection, as suppressed.
                if (suppressed != t && databaseUnreachable(suppressed)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String newReference() {
        var reference = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /** The stack as Java prints it, with each exception's class (and SQL state) but not its message. */
    static String stackWithoutMessages(Throwable failure) {
        var out = new StringBuilder();
        var depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (depth > 0) {
                out.append("Caused by: ");
            }
            out.append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
            out.append('\n');
            for (var frame : t.getStackTrace()) {
                out.append("\tat ").append(frame).append('\n');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return out.toString().stripTrailing();
    }
}
