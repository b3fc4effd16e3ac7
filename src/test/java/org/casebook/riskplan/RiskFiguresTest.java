package org.casebook.riskplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.casebook.MutableClock;
import org.casebook.client.RiskLevel;
import org.casebook.client.TestClients;
import org.casebook.riskplan.RiskFigures.CounsellorFigures;
import org.casebook.riskplan.RiskFigures.Figure;
import org.casebook.riskplan.RiskFigures.FigureClient;
import org.casebook.riskplan.RiskFigures.LevelCount;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class RiskFiguresTest {

    @Autowired
    RiskFigures figures;

    @Autowired
    PlanService plans;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    MutableClock clock;

    private CounsellorFigures robin() {
        var id = testClients.id("counsellor2");
        return figures.perCounsellor().stream()
                .filter(f -> f.counsellorId() == id)
                .findFirst()
                .orElseThrow();
    }

    private long count(RiskLevel level) {
        return figures.caseloadByRisk().stream()
                .filter(c -> c.level() == level)
                .mapToLong(LevelCount::clients)
                .sum();
    }

    @Test
    @WithUserDetails("supervisor")
    void aSupervisorSeesEachCounsellorsFiguresAndTheClientsBehindThem() {
        var before = robin();
        long veryHighBefore = count(RiskLevel.VERY_HIGH);
        long unratedBefore = count(null);
        var high = testClients.activeWith("counsellor2");
        var low = testClients.activeWith("counsellor2");
        assertThat(count(null)).isEqualTo(unratedBefore + 2);
        runAs.as("counsellor2", () -> {
            plans.save(new PlanSave(
                    high.code(),
                    0,
                    PlanServiceTest.content("Goal", "Walk"),
                    RiskLevel.VERY_HIGH,
                    RiskLevel.LOW,
                    "First",
                    null));
            plans.save(new PlanSave(
                    low.code(),
                    0,
                    PlanServiceTest.content("Goal", "Walk"),
                    RiskLevel.LOW,
                    RiskLevel.LOW,
                    "First",
                    null));
            safeguarding.raise(new NewConcern(
                    low.code(),
                    "Disclosure",
                    LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))),
                    ConcernCategory.OFFENCE_DISCLOSED,
                    false,
                    "client-page"));
        });
        var after = robin();
        assertThat(after.counsellor()).startsWith("Robin");
        assertThat(after.highRisk()).isEqualTo(before.highRisk() + 1);
        assertThat(after.openConcerns()).isEqualTo(before.openConcerns() + 1);
        assertThat(count(RiskLevel.VERY_HIGH)).isEqualTo(veryHighBefore + 1);
        assertThat(count(null)).isEqualTo(unratedBefore);

        var robinId = testClients.id("counsellor2");
        assertThat(figures.clientsBehind(robinId, Figure.HIGH_RISK))
                .extracting(FigureClient::code)
                .contains(high.code())
                .doesNotContain(low.code());
        assertThat(figures.clientsBehind(robinId, Figure.OPEN_CONCERNS))
                .extracting(FigureClient::code)
                .contains(low.code())
                .doesNotContain(high.code());
        assertThat(figures.clientsBehind(robinId, Figure.OVERDUE_REVIEWS))
                .extracting(FigureClient::code)
                .doesNotContain(high.code());

        clock.advance(Duration.ofDays(32));
        assertThat(robin().overdueReviews()).isGreaterThanOrEqualTo(before.overdueReviews() + 1);
        assertThat(figures.clientsBehind(robinId, Figure.OVERDUE_REVIEWS))
                .extracting(FigureClient::code)
                .contains(high.code())
                .doesNotContain(low.code());
    }

    @Test
    @WithUserDetails("supervisor2")
    void anotherTeamsSupervisorSeesNeitherTheirCounsellorsNorTheirClients() {
        var robinId = testClients.id("counsellor2");
        assertThat(figures.perCounsellor())
                .extracting(CounsellorFigures::counsellorId)
                .doesNotContain(robinId)
                .contains(testClients.id("counsellor3"));
        assertThatThrownBy(() -> figures.clientsBehind(robinId, Figure.HIGH_RISK))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aCounsellorIsDeniedTheFigures() {
        assertThatThrownBy(() -> figures.perCounsellor()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsDeniedByEveryPublicMethod() {
        List<Runnable> calls = List.of(
                () -> figures.perCounsellor(),
                () -> figures.caseloadByRisk(),
                () -> figures.clientsBehind(1L, Figure.HIGH_RISK));
        calls.forEach(call -> assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class));
    }
}
