package org.casebook;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Spring Boot test on a real PostgreSQL: Flyway's PostgreSQL migrations, PostgreSQL's behaviour. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
public abstract class PostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        var url = TestPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
