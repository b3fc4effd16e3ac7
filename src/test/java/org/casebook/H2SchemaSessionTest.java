package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo database broke 30 minutes after its first start: Hikari retired the pooled connection
 * Flyway had created the schema with, and H2 2.4.240 then refused every insert into a table with a
 * {@code CHECK (... IN (...))} constraint. Evicting the pool does now what the maximum lifetime did then.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class H2SchemaSessionTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    H2SchemaSession schemaSession;

    @Test
    void insertsIntoCheckedTablesStillWorkAfterThePoolHasReplacedEveryConnection() throws Exception {
        var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        pool.softEvictConnections();

        var accountId = jdbc.queryForObject("select id from staff_account where username = 'admin'", Long.class);
        jdbc.update("insert into staff_role (account_id, role) values (?, 'COUNSELLOR')", accountId);
        jdbc.update("delete from staff_role where account_id = ? and role = 'COUNSELLOR'", accountId);

        assertThat(schemaSession.holdsTheMigratingSession()).isTrue();
    }
}
