package org.casebook.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.casebook.client.TestClients;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralFigures.MonthlyCount;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class ReferralFiguresTest {

    @Autowired
    ReferralFigures figures;

    @Autowired
    ReferralService referrals;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void referralsPerMonthBySourceCountOnlyTheLastTwelveMonthsOfTheTeam() {
        var today = LocalDate.now(clock);
        var north = northTeam();
        var thisMonth = YearMonth.from(today);
        long before = count(runAs.as("supervisor", () -> figures.referralsBySource(north)), thisMonth, Source.SELF);
        runAs.as("counsellor1", () -> referrals.receive(Referrals.valid(today), false));
        runAs.as("counsellor2", () -> referrals.receive(Referrals.valid(today), false));
        runAs.as("counsellor3", () -> referrals.receive(Referrals.valid(today), false));
        var after = runAs.as("supervisor", () -> figures.referralsBySource(north));
        assertThat(count(after, thisMonth, Source.SELF)).isEqualTo(before + 2);
        assertThat(after).allSatisfy(m -> assertThat(m.month()).isBetween(thisMonth.minusMonths(11), thisMonth));
        assertThat(after)
                .isSortedAccordingTo(
                        java.util.Comparator.comparing(MonthlyCount::month).thenComparing(MonthlyCount::source));
    }

    @Test
    void waitingPerTeamCountsEachTeamTheSupervisorLeads() {
        var north = northTeam();
        long before = runAs.as("supervisor", () -> figures.waitingPerTeam()).get(north);
        testClients.waiting("counsellor1");
        testClients.waiting("counsellor3");
        var after = runAs.as("supervisor", () -> figures.waitingPerTeam());
        assertThat(after).containsOnlyKeys(north);
        assertThat(after.get(north)).isEqualTo(before + 1);
    }

    @Test
    void onlyTheTeamsOwnSupervisorSeesItsFiguresAndCounsellorsAndAdministratorsNone() {
        var north = northTeam();
        assertThatThrownBy(() -> runAs.as("supervisor2", () -> figures.referralsBySource(north)))
                .isInstanceOf(AccessDeniedException.class);
        for (var user : new String[] {"counsellor1", "admin"}) {
            assertThatThrownBy(() -> runAs.as(user, () -> figures.referralsBySource(north)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> runAs.as(user, () -> figures.waitingPerTeam()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    private long northTeam() {
        return jdbc.queryForObject("select team_id from staff_account where username = 'supervisor'", Long.class);
    }

    private static long count(java.util.List<MonthlyCount> counts, YearMonth month, Source source) {
        return counts.stream()
                .filter(c -> c.month().equals(month) && c.source() == source)
                .mapToLong(MonthlyCount::referrals)
                .sum();
    }
}
