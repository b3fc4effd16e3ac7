package org.casebook.loaddata;

import com.vaadin.flow.component.UI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.casebook.KaribuTest;
import org.casebook.TestPostgres;
import org.casebook.security.RunAsStaff;
import org.casebook.session.AppointmentService;
import org.casebook.session.SessionFigures;
import org.casebook.session.SessionNoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The main page of each role opened through the real Vaadin UI (Karibu, real Spring context) on generated
 * data in PostgreSQL: server time, SQL statements and rows read per page, the heaviest statements, and the
 * queries the dashboards rely on beside a hand-written equivalent. Not a test: it asserts nothing and prints
 * its figures (also to target/benchmarks/pages.txt). Run with
 * {@code ./mvnw -o -Pbenchmark test -Dtest=PageBenchmark [-Dbenchmark.clients=5000]}.
 */
class PageBenchmark extends KaribuTest {

    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 5_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    static final StatementCounter COUNTER = new StatementCounter();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        var url = TestPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @TestConfiguration
    static class Counting {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && name.equals("dataSource")
                            ? COUNTER.wrap(dataSource)
                            : bean;
                }
            };
        }
    }

    @Autowired
    LoadDataGenerator generator;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SessionFigures sessionFigures;

    @Autowired
    SessionNoteService notes;

    @Autowired
    AppointmentService appointments;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        var summary = generator.generate(CLIENTS, 19);
        jdbc.execute("analyze");
        print("Page benchmark on PostgreSQL %s, %d cores, JDK %s, heap max %d MiB"
                .formatted(
                        jdbc.queryForObject("show server_version", String.class),
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.version(),
                        Runtime.getRuntime().maxMemory() >> 20));
        print("Generated %d clients, %d appointments, %d notes, %d audit entries in %d s (%d teams, %d staff)"
                .formatted(
                        summary.clients(),
                        summary.appointments(),
                        summary.notes(),
                        summary.auditEntries(),
                        summary.took().toSeconds(),
                        summary.teams(),
                        summary.staff()));
        print("Caseload of " + GeneratedPages.HEAVY_COUNSELLOR + ": "
                + jdbc.queryForObject(
                        "select count(*) from client c "
                                + "join staff_account s on s.id = c.counsellor_id where s.username = ? and c.status in ('ACTIVE', 'ASSIGNED')",
                        Long.class,
                        GeneratedPages.HEAVY_COUNSELLOR)
                + " open cases");
        print("");
        print("%-42s %10s %10s %10s"
                .formatted("page (median of " + ROUNDS + ")", "server ms", "statements", "rows read"));
        var heaviest = new ArrayList<String>();
        for (var page : GeneratedPages.all(jdbc)) {
            var times = new long[ROUNDS];
            long statements = 0;
            long rows = 0;
            List<StatementCounter.Stat> top = List.of();
            for (int round = -2; round < ROUNDS; round++) {
                runAs.as(page.username(), () -> UI.getCurrent().navigate("account/password"));
                COUNTER.start();
                long started = System.nanoTime();
                runAs.as(page.username(), () -> GeneratedPages.open(page));
                long took = System.nanoTime() - started;
                COUNTER.stop();
                if (round >= 0) {
                    times[round] = took;
                    statements = COUNTER.statements();
                    rows = COUNTER.rows();
                    top = COUNTER.heaviest(3);
                }
            }
            Arrays.sort(times);
            print("%-42s %10.1f %10d %10d"
                    .formatted(page.name() + " (" + page.username() + ")", times[ROUNDS / 2] / 1e6, statements, rows));
            for (var stat : top) {
                heaviest.add("  %-28s %7.1f ms %4dx %7d rows  %s"
                        .formatted(page.name(), stat.nanos / 1e6, stat.executions, stat.rows, abbreviate(stat.sql)));
            }
        }
        print("");
        print("Heaviest statements of each page (last round: time to execute, executions, rows read):");
        heaviest.forEach(this::print);

        print("");
        print("Dashboard and home queries beside hand-written SQL (median of " + ROUNDS + "):");
        var zone = ZoneId.of("Europe/London");
        var month = YearMonth.now(zone);
        compare(
                "notes unsigned over 72 h (dashboard month)",
                GeneratedPages.SUPERVISOR,
                () -> sessionFigures.month(month),
                """
                select a.counsellor_id, count(*) from appointment a
                where a.counsellor_id in (select s.id from staff_account s join team t on t.id = s.team_id
                                          join staff_account l on l.id = t.supervisor_id where l.username = ?)
                  and a.outcome = 'ATTENDED' and a.starts_at < now() - interval '72 hours'
                  and not exists (select 1 from session_note n where n.appointment_id = a.id and n.signed_at is not null)
                group by a.counsellor_id""",
                GeneratedPages.SUPERVISOR);
        compare(
                "overdue notes, supervisor home",
                GeneratedPages.SUPERVISOR,
                notes::teamOverdue,
                """
                select a.id, a.client_code, a.starts_at, a.counsellor_id from appointment a
                where a.counsellor_id in (select s.id from staff_account s join team t on t.id = s.team_id
                                          join staff_account l on l.id = t.supervisor_id where l.username = ?)
                  and a.outcome = 'ATTENDED' and a.starts_at < now() - interval '72 hours'
                  and not exists (select 1 from session_note n where n.appointment_id = a.id and n.signed_at is not null)
                order by a.starts_at limit 50""",
                GeneratedPages.SUPERVISOR);
        compare(
                "upcoming appointments, heavy counsellor",
                GeneratedPages.HEAVY_COUNSELLOR,
                () -> appointments.myUpcoming(10),
                """
                select a.id, a.client_code, a.starts_at from appointment a
                where a.counsellor_id = (select id from staff_account where username = ?)
                  and a.starts_at > now() - interval '4 hours' and a.ends_at > now() and a.outcome is null
                order by a.starts_at limit 10""",
                GeneratedPages.HEAVY_COUNSELLOR);

        var file = Path.of("target", "benchmarks", "pages.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    /** Times the service call (through its transaction, checks and audit) against the bare hand-written SQL. */
    private void compare(String name, String username, Supplier<?> service, String sql, Object... args) {
        var app = new long[ROUNDS];
        var statement = new long[ROUNDS];
        var hand = new long[ROUNDS];
        for (int round = -2; round < ROUNDS; round++) {
            COUNTER.start();
            long started = System.nanoTime();
            runAs.as(username, service);
            long appTook = System.nanoTime() - started;
            COUNTER.stop();
            long heaviest = COUNTER.heaviest(1).getFirst().nanos;
            started = System.nanoTime();
            jdbc.queryForList(sql, args);
            long handTook = System.nanoTime() - started;
            if (round >= 0) {
                app[round] = appTook;
                statement[round] = heaviest;
                hand[round] = handTook;
            }
        }
        Arrays.sort(app);
        Arrays.sort(statement);
        Arrays.sort(hand);
        double a = app[ROUNDS / 2] / 1e6;
        double s = statement[ROUNDS / 2] / 1e6;
        double h = hand[ROUNDS / 2] / 1e6;
        print("  %-42s service call %7.2f ms, its heaviest statement %7.2f ms, hand-written SQL %7.2f ms: ratio %5.2f"
                .formatted(name, a, s, h, s / h));
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 160 ? sql : sql.substring(0, 157) + "...";
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
