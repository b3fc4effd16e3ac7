package org.casebook.dataprotection;

import java.time.Duration;
import org.casebook.MutableClock;
import org.casebook.client.TestClients;
import org.casebook.security.ReAuthentication;
import org.casebook.security.RunAsStaff;
import org.casebook.security.TestCodes;
import org.casebook.time.CharityClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The data-protection service tests' one Spring context (H2): a clock they move by years, which no other test
 * class shares (the property below gives the context its own key), and the daily job left to the tests.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "casebook.retention.cron=-")
abstract class DataProtectionTest {

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected CharityClock charity;

    @Autowired
    protected RunAsStaff runAs;

    @Autowired
    protected ReAuthentication reAuthentication;

    @Autowired
    protected TestClients testClients;

    @Autowired
    protected FullRecord fullRecord;

    /** A fresh password-and-code confirmation by this person, as the re-authentication dialog gives. */
    protected void reAuthenticated(String username) {
        clock.advance(Duration.ofSeconds(31));
        runAs.as(
                username,
                () -> reAuthentication.confirm(
                        "casebook-demo-2026", TestCodes.code(TestCodes.DEMO_SECRET, clock.instant())));
    }

    protected static Duration years(int years) {
        return Duration.ofDays(365L * years + years / 4 + 1);
    }
}
