package org.casebook.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends a session after the idle timeout without an action by the person, whatever an open page does in
 * the background. The servlet container's own timeout cannot do this: every request refreshes it, and
 * an open Vaadin page sends a heartbeat every minute (and a polling view polls), so a tab left open kept
 * its session, and its sign-in, for ever. (Vaadin's close-idle-sessions closes only the Vaadin session
 * and leaves the HTTP session and its sign-in in place, so a reload showed the caseload again.)
 *
 * <p>What counts as an action: any request except Vaadin's heartbeat and a UI request that carries
 * nothing but what the page does by itself (polls, and a list confirming rows a poll refreshed). The time of the last action is kept in the session; the first request that comes
 * later than the timeout after it (a heartbeat at the latest) ends the session before anything else
 * sees it, and the page then shows the sign-in page.
 */
class IdleSessionFilter extends OncePerRequestFilter {

    /** Session attribute: when the person last did something (epoch milliseconds). */
    static final String LAST_ACTION = "casebook.session.last-action";

    private static final Logger log = LoggerFactory.getLogger(IdleSessionFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final Duration timeout;

    IdleSessionFilter(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null) {
            long now = clock.millis();
            if (session.getAttribute(LAST_ACTION) instanceof Long last && now - last > timeout.toMillis()) {
                log.info("Ending a session after {} s without an action", (now - last) / 1000);
                session.invalidate(); // recorded as an idle end by whoever listens for session ends
            } else {
                if (isUiRequest(request)) {
                    var body = new BufferedBody(request);
                    request = body;
                    if (body.isAction()) {
                        session.setAttribute(LAST_ACTION, now);
                    }
                } else if (!isHeartbeat(request) || session.getAttribute(LAST_ACTION) == null) {
                    session.setAttribute(LAST_ACTION, now);
                }
            }
        }
        chain.doFilter(request, response);
    }

    // From the query string alone: asking for a parameter would read a form body.
    private static boolean isHeartbeat(HttpServletRequest request) {
        return hasRequestType(request, "heartbeat");
    }

    private static boolean isUiRequest(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && hasRequestType(request, "uidl");
    }

    private static boolean hasRequestType(HttpServletRequest request, String type) {
        var query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (var pair : query.split("&")) {
            if (pair.equals("v-r=" + type)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Vaadin UI request body holds anything but polls; anything unreadable counts as an action. */
    static boolean isAction(String uidlBody) {
        JsonNode rpc;
        try {
            rpc = JSON.readTree(uidlBody).path("rpc");
        } catch (JacksonException unreadable) {
            return true;
        }
        if (!rpc.isArray()) {
            return true;
        }
        for (var call : rpc) {
            if (!isBackground(call)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The calls an open page makes by itself: a poll, and a grid's data communicator confirming rows the
     * server sent (which follows every poll that refreshes a list). Anything else is the person's doing.
     */
    private static boolean isBackground(JsonNode call) {
        var type = call.path("type").asString("");
        return ("event".equals(type) && "ui-poll".equals(call.path("event").asString("")))
                || ("publishedEventHandler".equals(type)
                        && "confirmUpdate"
                                .equals(call.path("templateEventMethodName").asString("")));
    }

    /** The request with its body read once, so the filter can look at it and Vaadin still read it. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        boolean isAction() {
            return IdleSessionFilter.isAction(new String(body, charset()));
        }

        private Charset charset() {
            var name = getCharacterEncoding();
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }
    }
}
