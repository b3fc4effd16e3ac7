package org.casebook.loaddata;

import java.sql.SQLException;
import org.springframework.context.ApplicationContext;

/** Generated load data as fixtures for tests in other packages (PostgreSQL only). */
public final class GeneratedFixtures {

    private GeneratedFixtures() {}

    /**
     * Generates load data unless the test database already holds some: PostgreSQL test classes share one
     * database, and the generator refuses a second run, so the first class to ask generates for all.
     */
    public static void generate(ApplicationContext context, int clients) {
        var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        Long already = jdbc.queryForObject("select count(*) from staff_account where generated", Long.class);
        if (already != null && already > 0) {
            return;
        }
        try {
            context.getBean(LoadDataGenerator.class).generate(clients, 19);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
