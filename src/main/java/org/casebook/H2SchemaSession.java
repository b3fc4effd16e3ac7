package org.casebook;

import java.sql.SQLException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * On H2, Flyway migrates through one connection of its own that stays open until Casebook stops.
 *
 * <p>Why: H2 2.4.240 binds a {@code CHECK (column IN (...))} constraint to the session that created it
 * (the constant set compares through that session). Once that session closes, every insert or update of
 * the table fails with "Check constraint invalid ... The database has been closed [90098]". Flyway used
 * to migrate through a pooled connection, which Hikari closes after its maximum lifetime (30 minutes), so
 * a freshly created demo database broke half an hour after its first start. When the database is opened
 * again later, H2 reads the constraints with its own system session, which lives as long as the database:
 * the problem exists only between creating the schema and the next restart, and only while the creating
 * session is closed. Keeping the migrating session open for the application's life closes that window.
 * Upstream: h2database/h2database#4302 (duplicates #4292, #4308, #4342), fixed for IN lists by #4311 on H2's
 * main branch but not yet released; other CHECK expressions have the same dependence (#4063, #4320), which
 * this also avoids. H2 2.3.232 did not have the IN-list form.
 * {@code DB_CLOSE_DELAY} does not help: the database stays open, only the session goes.
 */
@Component
class H2SchemaSession implements FlywayConfigurationCustomizer, DisposableBean {

    private final DataSourceProperties dataSource;
    private final FlywayProperties flyway;
    private @Nullable SingleConnectionDataSource migrating;

    H2SchemaSession(DataSourceProperties dataSource, FlywayProperties flyway) {
        this.dataSource = dataSource;
        this.flyway = flyway;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        var url = dataSource.determineUrl();
        if (url == null || !url.startsWith("jdbc:h2:") || flyway.getUrl() != null) {
            return;
        }
        migrating = new SingleConnectionDataSource(
                url, dataSource.determineUsername(), dataSource.determinePassword(), true);
        configuration.dataSource(migrating);
    }

    /** Whether the session that created the schema is still open (for tests). */
    boolean holdsTheMigratingSession() throws SQLException {
        return migrating != null && !migrating.getConnection().isClosed();
    }

    @Override
    public void destroy() {
        if (migrating != null) {
            migrating.destroy();
        }
    }
}
