package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.casebook.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** Idle is measured from the person's last action: heartbeats and polls of an open page are no action. */
class IdleSessionFilterTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final String POLL = """
            {"csrfToken":"t","rpc":[{"type":"event","node":1,"event":"ui-poll","data":{}}],"syncId":3,"clientId":3}""";
    private static final String CLICK = """
            {"csrfToken":"t","rpc":[{"type":"event","node":42,"event":"click","data":{}}],"syncId":4,"clientId":4}""";

    private final MutableClock clock = new MutableClock();
    private final IdleSessionFilter filter = new IdleSessionFilter(clock, TIMEOUT);
    private final MockHttpSession session = new MockHttpSession();

    /** Sends a request in the session; returns the body the rest of the chain read. */
    private String send(String query, String body) throws Exception {
        var request = new MockHttpServletRequest(body == null ? "GET" : "POST", "/");
        request.setSession(session);
        request.setQueryString(query);
        if (body != null) {
            request.setContentType("application/json");
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
        }
        var chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        var passed = chain.getRequest();
        return body == null ? null : new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void heartbeatsAndPollsFor(Duration duration) throws Exception {
        for (var elapsed = Duration.ZERO; elapsed.compareTo(duration) < 0; elapsed = elapsed.plusMinutes(1)) {
            clock.advance(Duration.ofMinutes(1));
            if (session.isInvalid()) {
                return;
            }
            send("v-r=heartbeat&v-uiId=0", null);
            if (!session.isInvalid()) {
                send("v-r=uidl&v-uiId=0", POLL);
            }
        }
    }

    @Test
    void aTabLeftOpenWithItsHeartbeatAndPollingIsSignedOutAfterTheTimeout() throws Exception {
        send(null, null); // the page opened
        heartbeatsAndPollsFor(TIMEOUT);
        assertThat(session.isInvalid()).as("still alive at the limit").isFalse();
        heartbeatsAndPollsFor(Duration.ofMinutes(2));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aClickIsAnActionAndStartsTheWaitAgain() throws Exception {
        send(null, null);
        heartbeatsAndPollsFor(Duration.ofMinutes(14));
        assertThat(send("v-r=uidl&v-uiId=0", CLICK))
                .as("the body still reaches Vaadin")
                .isEqualTo(CLICK);
        heartbeatsAndPollsFor(Duration.ofMinutes(14));
        assertThat(session.isInvalid()).isFalse();
        heartbeatsAndPollsFor(Duration.ofMinutes(3));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aPollAlongsideAnotherCallIsAnActionAndUnreadableBodiesCountAsActions() {
        assertThat(IdleSessionFilter.isAction(POLL)).isFalse();
        assertThat(IdleSessionFilter.isAction(CLICK)).isTrue();
        assertThat(IdleSessionFilter.isAction("""
                {"rpc":[{"type":"event","node":1,"event":"ui-poll"},{"type":"mSync","node":7,"property":"value"}]}""")).isTrue();
        assertThat(IdleSessionFilter.isAction("not json")).isTrue();
        assertThat(IdleSessionFilter.isAction("""
                {"rpc":[{"type":"publishedEventHandler","node":13,"templateEventMethodName":"confirmUpdate",                "templateEventMethodArgs":[1],"promise":1}]}"""))
                .as("a list confirming rows a poll refreshed")
                .isFalse();
    }

    @Test
    void theWarningComesAtAThirdOfAShortTimeoutAndAsConfiguredOtherwise() {
        var usual = new IdlePolicy(Duration.ofMinutes(15), Duration.ofMinutes(2));
        assertThat(usual.warnAfter()).isEqualTo(Duration.ofMinutes(13));
        var short_ = new IdlePolicy(Duration.ofMinutes(2), Duration.ofMinutes(2));
        assertThat(short_.warningBefore()).isEqualTo(Duration.ofSeconds(40));
        assertThat(short_.warnAfter()).isEqualTo(Duration.ofSeconds(80));
    }
}
