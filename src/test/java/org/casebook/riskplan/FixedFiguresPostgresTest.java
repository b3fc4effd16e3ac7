package org.casebook.riskplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casebook.PostgresTest;
import org.casebook.loaddata.GeneratedFixtures;
import org.casebook.security.RunAsStaff;
import org.casebook.session.Core10;
import org.casebook.session.SessionFigures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The home and dashboard figures now counted in SQL (open concerns, overdue plan reviews, CORE-10 change) give
 * what the code they replaced computed from loaded rows, on PostgreSQL with generated data.
 */
class FixedFiguresPostgresTest extends PostgresTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ConcernRepository concerns;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    PlanService plans;

    @Autowired
    SessionFigures sessionFigures;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    private static boolean generated;

    @BeforeEach
    void generateOnce() {
        if (!generated) {
            GeneratedFixtures.generate(context, 1_500);
            generated = true;
        }
    }

    @Test
    void openConcernCountsAreWhatLoadingEveryOpenConcernGave() {
        for (var supervisor : List.of("gen-s01", "supervisor")) {
            var counted = runAs.as(supervisor, safeguarding::openConcerns);
            var teams = jdbc.queryForList(
                    "select t.id from team t join staff_account s on s.id = t.supervisor_id " + "where s.username = ?",
                    Long.class,
                    supervisor);
            var open = transaction.execute(status -> concerns.findOpen());
            assertThat(open).isNotEmpty();
            var old = new SafeguardingService.OpenConcerns(
                    open.size(), (int) open.stream().filter(Concern::immediate).count(), (int) open.stream()
                            .filter(c -> c.teamId() != null && teams.contains(c.teamId()))
                            .count());
            assertThat(counted).isEqualTo(old);
        }
    }

    @Test
    void overdueReviewsShowTheFirstFiftyOfTheOldListAndCountThemAll() {
        var shown = runAs.as("gen-c01-01", plans::overdueReviews);
        var count = runAs.as("gen-c01-01", plans::overdueReviewCount);
        var old = jdbc.queryForList("""
                select c.code from risk_plan p join client c on c.id = p.client_id
                join staff_account s on s.id = c.counsellor_id
                where c.status <> 'CLOSED' and p.next_review < ? and s.username = 'gen-c01-01'
                order by p.next_review, c.code""", String.class, java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")));
        assertThat(count).isEqualTo(old.size());
        assertThat(shown)
                .extracting(OverdueReview::code)
                .containsExactlyElementsOf(old.subList(0, Math.min(PlanService.OVERDUE_REVIEWS_SHOWN, old.size())));
    }

    @Test
    void core10TallyCountsTheChangesTheOldListShowedCaseByCase() {
        var team = jdbc.queryForObject("select id from team where name = 'Team 01 (generated)'", Long.class);
        var cases = runAs.as("gen-s01", () -> sessionFigures.core10Change(team));
        var tally = runAs.as("gen-s01", () -> sessionFigures.core10Tally(team));
        assertThat(cases).hasSizeGreaterThan(10);
        for (var change : Core10.Change.values()) {
            assertThat(tally)
                    .filteredOn(t -> t.change() == change)
                    .singleElement()
                    .extracting(SessionFigures.Core10Tally::cases)
                    .isEqualTo(cases.stream().filter(c -> c.change() == change).count());
        }
    }
}
