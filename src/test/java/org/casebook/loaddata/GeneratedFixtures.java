package org.casebook.loaddata;

import java.sql.SQLException;
import org.springframework.context.ApplicationContext;

/** Generated load data as fixtures for tests in other packages (PostgreSQL only). */
public final class GeneratedFixtures {

    private GeneratedFixtures() {}

    public static void generate(ApplicationContext context, int clients) {
        try {
            context.getBean(LoadDataGenerator.class).generate(clients, 19);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
