package org.casebook.loaddata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casebook.KaribuTest;
import org.casebook.TestPostgres;
import org.casebook.audit.AuditService;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The generator on PostgreSQL (beside the demo data, as an evaluation database would hold it): its output
 * keeps the audit log intact, and every main page of every role opens on it without an error (a value
 * sealed for the wrong place would fail to open and show the error page).
 */
class LoadDataGeneratorPostgresTest extends KaribuTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        var url = TestPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    LoadDataGenerator generator;

    @Autowired
    AuditService audit;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void generatedDataPassesAuditVerificationAndOpensEveryPageOfEveryRole() throws Exception {
        var summary = generator.generate(600, 19);

        assertThat(summary.clients()).isEqualTo(600);
        assertThat(summary.appointments()).isGreaterThan(3_000);
        assertThat(summary.auditEntries()).isGreaterThan(3_000);
        assertThat(jdbc.queryForObject("select count(*) from staff_account where generated and demo", Long.class))
                .isEqualTo(summary.staff());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where block_no is null", Long.class))
                .isZero();
        // Late-signed notes, overdue notes, overdue plans and open concerns are all there to be shown.
        assertThat(jdbc.queryForObject("select count(*) from session_note where signed_at is null", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject(
                        "select count(*) from session_note " + "where signed_at > created_at + interval '72 hours'",
                        Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("select count(*) from risk_plan where next_review < current_date", Long.class))
                .isPositive();

        var verified = runAs.as(GeneratedPages.ADMIN, audit::verify);
        assertThat(verified.intact()).as(verified.message()).isTrue();
        assertThat(verified.entriesChecked()).isGreaterThanOrEqualTo(summary.auditEntries());

        var pages = GeneratedPages.all(jdbc);
        assertThat(pages)
                .extracting(GeneratedPages.Page::username)
                .contains(
                        GeneratedPages.COUNSELLOR,
                        GeneratedPages.HEAVY_COUNSELLOR,
                        GeneratedPages.SUPERVISOR,
                        GeneratedPages.ADMIN);
        for (var page : pages) {
            runAs.as(page.username(), () -> GeneratedPages.open(page));
        }
        // Opening them wrote audit entries through the ordinary writer: the log is still intact.
        var again = runAs.as(GeneratedPages.ADMIN, audit::verify);
        assertThat(again.intact()).as(again.message()).isTrue();
    }

    @Test
    void generatorRefusesADatabaseWithRealAccounts() {
        jdbc.update("insert into staff_account (username, display_name, email, password_hash, created_at) "
                + "values ('real-person', 'A Real Person', 'real@example.invalid', 'x', now())");
        try {
            assertThatThrownBy(() -> generator.generate(10, 1))
                    .isInstanceOf(LoadDataGenerator.Refused.class)
                    .hasMessageContaining("real staff account");
        } finally {
            jdbc.update("delete from staff_account where username = 'real-person'");
        }
    }
}
