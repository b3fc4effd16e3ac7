package org.casebook.ui;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Records unexpected failures as {@link Incident}s. Whether the database is unreachable is read from the
 * failure first; when the failure does not say (a connection cut mid-transaction can surface only as a
 * failed rollback, the first error swallowed on the way), the pool is asked for a working connection,
 * with an answer awaited for at most a second while the database is down, and no time while it is up.
 */
@Component
public class Incidents {

    private final DataSource dataSource;

    Incidents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Incident record(Throwable failure) {
        return Incident.of(failure, Incident.databaseUnreachable(failure) || !databaseAnswers());
    }

    /** Asks the pool for a working connection, but waits at most a second for the answer. */
    private boolean databaseAnswers() {
        var probe = CompletableFuture.supplyAsync(this::connectionWorks);
        try {
            return probe.get(1, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException noAnswer) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean connectionWorks() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }
}
