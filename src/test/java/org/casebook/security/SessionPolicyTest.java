package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The session policy as the application is configured: 15 minutes idle (IdleSessionFilter: Vaadin's
 * heartbeat and polls are no action), a heartbeat well inside that, and 12 hours at most.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class SessionPolicyTest {

    @Autowired
    Environment environment;

    @Autowired
    SecurityProperties security;

    @Test
    void idleSessionsEndAfterFifteenMinutesWhateverTheHeartbeat() {
        assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(environment.getProperty("vaadin.closeIdleSessions", Boolean.class))
                .isTrue();
        assertThat(Duration.ofSeconds(environment.getProperty("vaadin.heartbeatInterval", Integer.class)))
                .isLessThan(Duration.ofMinutes(15));
    }

    @Test
    void noSessionOutlivesTwelveHours() {
        assertThat(security.absoluteSessionTimeout()).isEqualTo(Duration.ofHours(12));
    }
}
