package org.casebook.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.casebook.MutableClock;
import org.casebook.client.ClientService;
import org.casebook.client.ConsentService;
import org.casebook.client.ShareRecipient;
import org.casebook.client.TestClients;
import org.casebook.referral.ReferralChoices.ClosureReason;
import org.casebook.referral.ReferralService;
import org.casebook.referral.Referrals;
import org.casebook.riskplan.ConcernCategory;
import org.casebook.riskplan.NewConcern;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.RunAsStaff;
import org.casebook.session.Core10Entry;
import org.casebook.session.Core10Service;
import org.casebook.session.MeasurementPoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class CharityClockTest {

    @Autowired
    CharityClock charity;

    @Autowired
    MutableClock clock;

    @Autowired
    ReferralService referrals;

    @Autowired
    ConsentService consents;

    @Autowired
    Core10Service core10;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    ClientService clients;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Test
    void atHalfPastMidnightOnALondonSummerNightEveryModuleAgreesItIsAlreadyTheNextDay() {
        // 23:30 UTC is 00:30 British Summer Time: for the charity it is already tomorrow.
        var night = nextSummerNightAt2330Utc(clock.instant());
        clock.advance(Duration.between(clock.instant(), night));
        var tomorrow = night.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        try {
            assertThat(charity.today()).isEqualTo(tomorrow);
            assertThat(charity.localNow().toLocalTime()).isEqualTo(LocalTime.of(0, 30));

            // referral: received "today" is not in the future
            var received = runAs.as("counsellor1", () -> referrals.receive(Referrals.valid(tomorrow), true));
            assertThat(received.code()).isNotBlank();

            var client = testClients.activeWith("counsellor1");
            runAs.as("counsellor1", () -> {
                // client: a consent given today is not in the future
                consents.addShareConsent(client.code(), ShareRecipient.GP, "Dr Example (fictional)", tomorrow);
                // session: a CORE-10 taken today
                core10.record(
                        client.code(),
                        new Core10Entry(tomorrow, MeasurementPoint.REVIEW, List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
                // riskplan: a concern learned today
                safeguarding.raise(new NewConcern(
                        client.code(), "Fictional concern", tomorrow, ConcernCategory.OTHER, false, "client-page"));
                // client record: closed today, in the charity's calendar
                referrals.close(client.code(), ClosureReason.COMPLETED, "Completed the work (fictional).");
                assertThat(clients.open(client.code()).closedOn()).isEqualTo(tomorrow);
            });
        } finally {
            // Leave the shared clock at an ordinary morning for the tests that follow.
            clock.advance(Duration.ofHours(9).plusMinutes(30));
        }
    }

    private static Instant nextSummerNightAt2330Utc(Instant now) {
        var date = now.atOffset(ZoneOffset.UTC).toLocalDate();
        while (true) {
            if (date.getMonthValue() >= 6 && date.getMonthValue() <= 8) {
                var candidate = date.atTime(23, 30).toInstant(ZoneOffset.UTC);
                if (candidate.isAfter(now)) {
                    return candidate;
                }
            }
            date = date.getMonthValue() < 6 ? LocalDate.of(date.getYear(), 6, 1) : date.plusDays(1);
        }
    }
}
