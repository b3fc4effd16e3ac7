package org.casebook.riskplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.casebook.client.RiskLevel;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The H2 twin of {@link RiskPlanPostgresTest}. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@org.springframework.context.annotation.Import(org.casebook.MutableClock.Config.class)
class WriteOnceH2Test {

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

    @Test
    void concernsAndPlanVersionsRefuseUpdateAndDeleteButNotReEncryption() {
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
                "delete from safeguarding_concern where id = ?")) {
            assertThatThrownBy(() -> jdbc.update(sql, id))
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("write-once");
        }
        assertThatThrownBy(() -> jdbc.update("update risk_plan_version set risk_to_self = 'HIGH'"))
                .rootCause()
                .hasMessageContaining("write-once");
        var sealed =
                jdbc.queryForObject("select what_learned from safeguarding_concern where id = ?", byte[].class, id);
        assertThat(jdbc.update("update safeguarding_concern set what_learned = ? where id = ?", sealed, id))
                .isEqualTo(1);
    }
}
