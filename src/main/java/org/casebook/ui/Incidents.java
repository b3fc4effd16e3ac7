package org.casebook.ui;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Records unexpected failures as {@link Incident}s. Whether the database is unreachable is read from the
 * failure first; when the failure does not say (a connection cut mid-transaction can surface only as a
 * failed rollback, the first error swallowed on the way), the pool is asked for a working connection,
 * which takes at most its connection timeout (3 s) while the database is down and no time while it is up.
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

    private boolean databaseAnswers() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }
}
