package org.casebook;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "the database cannot be reached" into one clear sentence at start-up instead of a page of
 * stack trace. Registered in {@code META-INF/spring.factories}.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (!unreachable(rootFailure)) {
            return null;
        }
        return new FailureAnalysis(
                "Casebook cannot reach its database: " + cause.getMessage(),
                "Check that PostgreSQL is running and reachable, and that CASEBOOK_DB_URL, CASEBOOK_DB_USER and "
                        + "CASEBOOK_DB_PASSWORD are right.",
                cause);
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
        }
        return false;
    }
}
