package org.casebook.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.casebook.client.BreakGlassReviews;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/** The demo gives the supervisor's dashboard something to show. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class SupervisionDemoDataTest {

    @Autowired
    SupervisionRecords records;

    @Autowired
    BreakGlassReviews breakGlass;

    @Autowired
    TeamDashboard dashboard;

    @Test
    @WithUserDetails("supervisor")
    void theDemoSupervisorHasRecordsABreakGlassToReviewAndFinishedCasesWithCore10() {
        assertThat(records.mine())
                .extracting(SupervisionRecordSummary::counsellorName)
                .contains("Casey Counsellor (demo)", "Robin Counsellor (demo)");
        assertThat(breakGlass.queue()).anySatisfy(r -> {
            assertThat(r.isPending()).isTrue();
            assertThat(r.staffName()).isEqualTo("Alex Counsellor (demo)");
        });
        var overview = dashboard.overview();
        assertThat(overview.core10Tally().stream()
                        .mapToLong(org.casebook.session.SessionFigures.Core10Tally::cases)
                        .sum())
                .isGreaterThanOrEqualTo(3);
        assertThat(overview.referrals()).isNotEmpty();
        assertThat(overview.counsellors())
                .allSatisfy(c -> assertThat(c.activeCaseload()).isPositive());
    }
}
