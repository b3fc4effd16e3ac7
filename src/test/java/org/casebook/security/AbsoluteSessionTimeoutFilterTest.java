package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionTimeoutFilterTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T08:00:00Z");

    private boolean sessionSurvivesUntil(Instant now) throws Exception {
        var session = new MockHttpSession() {
            @Override
            public long getCreationTime() {
                return CREATED.toEpochMilli();
            }
        };
        var request = new MockHttpServletRequest();
        request.setSession(session);
        var filter = new AbsoluteSessionTimeoutFilter(Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(12));
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return !session.isInvalid();
    }

    @Test
    void sessionWithinTwelveHoursIsKept() throws Exception {
        assertThat(sessionSurvivesUntil(CREATED.plus(Duration.ofHours(11).plusMinutes(59))))
                .isTrue();
    }

    @Test
    void sessionOlderThanTwelveHoursIsEndedHoweverActive() throws Exception {
        assertThat(sessionSurvivesUntil(CREATED.plus(Duration.ofHours(12).plusSeconds(1))))
                .isFalse();
    }
}
