package org.casebook.riskplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.casebook.PostgresTest;
import org.casebook.client.RiskLevel;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** On PostgreSQL: plan versions and safeguarding records cannot be changed or deleted by any route; the figures' SQL runs. */
class RiskPlanPostgresTest extends PostgresTest {

    @Autowired
    PlanService plans;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RiskFigures figures;

    @Test
    void concernsAndPlanVersionsRefuseUpdateDeleteAndTruncateButNotReEncryption() {
        var client = testClients.activeWith("counsellor1");
        var id = runAs.as("counsellor1", () -> {
            plans.save(new PlanSave(
                    client.code(),
                    0,
                    new PlanContent("Goal", null, null, "Walk", null, null, null, List.of()),
                    RiskLevel.LOW,
                    RiskLevel.LOW,
                    "First",
                    null));
            return safeguarding.raise(new NewConcern(
                    client.code(),
                    "What was learned",
                    LocalDate.of(2026, 3, 1),
                    ConcernCategory.OTHER,
                    false,
                    "client-page"));
        });
        for (var sql : List.of(
                "update safeguarding_concern set category = 'CHILD_AT_RISK' where id = ?",
                "update safeguarding_concern set immediate = true where id = ?",
                "delete from safeguarding_concern where id = ?")) {
            assertThatThrownBy(() -> jdbc.update(sql, id))
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("write-once");
        }
        assertThatThrownBy(() -> jdbc.update("update risk_plan_version set risk_to_self = 'HIGH'"))
                .rootCause()
                .hasMessageContaining("write-once");
        assertThatThrownBy(() -> jdbc.execute("truncate safeguarding_comment"))
                .rootCause()
                .hasMessageContaining("write-once");
        // Key rotation rewrites only the sealed bytes, which stays possible.
        var sealed =
                jdbc.queryForObject("select what_learned from safeguarding_concern where id = ?", byte[].class, id);
        assertThat(jdbc.update("update safeguarding_concern set what_learned = ? where id = ?", sealed, id))
                .isEqualTo(1);
        assertThat(runAs.as("counsellor1", () -> safeguarding.open(id)).whatWasLearned())
                .isEqualTo("What was learned");
    }

    @Test
    void theFiguresAndListsRunOnPostgresql() {
        var client = testClients.activeWith("counsellor1");
        runAs.as("counsellor1", () -> {
            plans.save(new PlanSave(
                    client.code(),
                    0,
                    new PlanContent("Goal", null, null, "Walk", null, null, null, List.of()),
                    RiskLevel.HIGH,
                    RiskLevel.LOW,
                    "First",
                    null));
            plans.addTriggerDate(client.code(), TriggerKind.ARREST, plans.today(), null);
            assertThat(plans.checkInsDue(3, 2)).extracting(CheckIn::code).contains(client.code());
            assertThat(plans.overdueReviews()).extracting(OverdueReview::code).doesNotContain(client.code());
        });
        runAs.as("supervisor", () -> {
            var casey = testClients.id("counsellor1");
            assertThat(figures.perCounsellor())
                    .filteredOn(f -> f.counsellorId() == casey)
                    .singleElement()
                    .satisfies(f -> assertThat(f.highRisk()).isPositive());
            assertThat(figures.clientsBehind(casey, RiskFigures.Figure.HIGH_RISK))
                    .extracting(RiskFigures.FigureClient::code)
                    .contains(client.code());
            assertThat(figures.caseloadByRisk())
                    .filteredOn(c -> c.level() == RiskLevel.HIGH)
                    .singleElement()
                    .satisfies(c -> assertThat(c.clients()).isPositive());
            assertThat(safeguarding.queue(true)).isNotNull();
        });
    }
}
