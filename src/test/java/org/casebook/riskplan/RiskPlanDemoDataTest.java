package org.casebook.riskplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casebook.MutableClock;
import org.casebook.client.ClientRecords;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class RiskPlanDemoDataTest {

    @Autowired
    RiskPlanDemoData demoData;

    @Autowired
    TestClients testClients;

    @Autowired
    ClientRecords records;

    @Autowired
    PlanService plans;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seedsVariedPlansReviewsDatesAndConcernsOnceAndNothingOnASecondRun() {
        assertThat(demoData.seed("counsellor1", List.of(), true)).isZero();
        var mine = List.of(
                testClients.activeWith("counsellor1"),
                testClients.activeWith("counsellor1"),
                testClients.activeWith("counsellor1"));
        var cases = records.openCasesOf(testClients.id("counsellor1")).stream()
                .filter(c -> mine.stream().anyMatch(m -> m.code().equals(c.code())))
                .toList();

        assertThat(demoData.seed("counsellor1", cases, true)).isEqualTo(3);
        assertThat(demoData.seed("counsellor1", cases, true)).isZero();

        // The seeder varies its plans by each case's position in the list it is given.
        var codes = cases.stream().map(c -> c.code()).toList();
        runAs.as("counsellor1", () -> {
            var first = plans.open(codes.get(0));
            assertThat(first.versions()).hasSize(2);
            assertThat(first.current().toSelf().isHighOrAbove()).isTrue();
            assertThat(first.reviews()).hasSize(3);
            assertThat(first.triggerDates()).isNotEmpty();
            assertThat(plans.open(codes.get(1)).reviewOverdue()).isTrue();
            assertThat(plans.open(codes.get(2)).versions()).hasSize(3);
            assertThat(safeguarding.forClient(codes.get(0)))
                    .singleElement()
                    .satisfies(c -> assertThat(c.immediate()).isTrue());
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from safeguarding_concern where client_code = ?",
                        Integer.class,
                        cases.get(0).code()))
                .isEqualTo(1);
    }

    @Test
    void theSecondCounsellorsFirstClientGetsADecidedConcern() {
        var theirs = testClients.activeWith("counsellor2");
        var cases = records.openCasesOf(testClients.id("counsellor2")).stream()
                .filter(c -> c.code().equals(theirs.code()))
                .toList();
        demoData.seed("counsellor2", cases, false);
        runAs.as(
                "counsellor2",
                () -> assertThat(safeguarding.forClient(theirs.code()))
                        .singleElement()
                        .satisfies(c -> assertThat(c.status()).isEqualTo(ConcernStatus.DECIDED)));
    }
}
