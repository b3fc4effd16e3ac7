package org.casebook.loaddata;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A day's work of counsellors and supervisors, spoken in Vaadin Flow's own HTTP protocol (see {@link VaadinUi}):
 * sign in with password and authenticator code; then, with think times, counsellors open their caseload, a
 * client, and a note they are writing (typing autosaves it), and supervisors their home page, the supervision
 * dashboard, the waiting list and a team client. Every response is checked (status, protocol, no error or
 * refusal page, the expected field or "Saved at "); {@link LoadRecorder} keeps each interaction's time.
 *
 * <p>Configured by {@link StaffDayLoadIT} through {@link #plan}: it runs in the same JVM.
 */
public class StaffDaySimulation extends Simulation {

    /** Who signs in and what they open: set by the harness before Gatling starts. */
    record User(String username, boolean supervisor, List<String> clients, List<String> notes) {}

    record Plan(String baseUrl, String password, String totpSecret, List<User> users, Duration ramp,
            Duration steady) {}

    static volatile Plan plan;

    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final String UI = "vaadin";

    public StaffDaySimulation() {
        var plan = StaffDaySimulation.plan;
        var protocol = http.baseUrl(plan.baseUrl())
                .acceptHeader("*/*")
                .userAgentHeader("Casebook load test (Gatling)")
                .disableCaching();
        var counsellors = plan.users().stream().filter(user -> !user.supervisor()).toList();
        var supervisors = plan.users().stream().filter(User::supervisor).toList();
        var counsellorDay = scenario("counsellor").feed(feeder(counsellors)).exec(signIn(plan))
                .during(plan.steady()).on(
                        think(3, 8), navigate("caseload", session -> "clients"),
                        think(3, 8), navigate("client page", session -> pick(session, "clients", "client/")),
                        think(3, 8), navigate("note", session -> pick(session, "notes", "note/")),
                        think(5, 15), typeNote(),
                        think(3, 8), navigate("counsellor home", session -> ""));
        var supervisorDay = scenario("supervisor").feed(feeder(supervisors)).exec(signIn(plan))
                .during(plan.steady()).on(
                        think(3, 8), navigate("dashboard", session -> "supervision"),
                        think(3, 8), navigate("waiting list", session -> "waiting-list"),
                        think(3, 8), navigate("team client page", session -> pick(session, "clients", "client/")),
                        think(3, 8), navigate("supervisor home", session -> ""));
        setUp(counsellorDay.injectOpen(rampUsers(counsellors.size()).during(plan.ramp())),
                supervisorDay.injectOpen(rampUsers(supervisors.size()).during(plan.ramp())))
                .protocols(protocol);
    }

    private static Iterator<Map<String, Object>> feeder(List<User> users) {
        var next = new java.util.concurrent.atomic.AtomicInteger();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                var user = users.get(next.getAndIncrement() % users.size());
                return Map.of("username", user.username(), "clients", user.clients(), "notes", user.notes());
            }
        };
    }

    private static ChainBuilder think(int minSeconds, int maxSeconds) {
        return pause(Duration.ofSeconds(minSeconds), Duration.ofSeconds(maxSeconds));
    }

    private static String pick(Session session, String key, String prefix) {
        List<String> values = session.getList(key);
        return prefix + values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private static VaadinUi ui(Session session) {
        return (VaadinUi) session.get(UI);
    }

    /** The sign-in page and form (Spring Security, with its CSRF token), then the code page (a Vaadin UI). */
    private static ChainBuilder signIn(Plan plan) {
        return exec(http("sign-in page").get("/login")
                        .check(status().is(200), bodyString().saveAs("body"), responseTimeInMillis().saveAs("rt")))
                .exec(session -> LoadRecorder.handle("sign-in page", session, html -> session
                        .set("csrf", meta(html, "_csrf")).set("csrfParameter", meta(html, "_csrf_parameter"))))
                .exitHereIfFailed()
                .exec(http("sign in: password").post("/login")
                        .formParam("username", "#{username}")
                        .formParam("password", plan.password())
                        .formParam("#{csrfParameter}", "#{csrf}")
                        .check(status().is(200), currentLocation().saveAs("body"), responseTimeInMillis().saveAs("rt")))
                // Spring Security redirects to the start page (or the page asked for); the UI then sends a
                // half-signed-in user to the code page, as the init below does directly. A wrong password
                // would end on /login?error.
                .exec(session -> LoadRecorder.handle("sign in: password", session, location -> {
                    if (location.contains("/login")) {
                        throw new IllegalStateException("signing in ended on " + location);
                    }
                    return session;
                }))
                .exitHereIfFailed()
                .exec(http("sign in: code page").get("/?v-r=init&location=login%2Fcode&query=")
                        .check(status().is(200), bodyString().saveAs("body"), responseTimeInMillis().saveAs("rt")))
                .exec(session -> LoadRecorder.handle("sign in: code page", session, body -> {
                    var ui = new VaadinUi();
                    LoadRecorder.sample("init", body);
                    ui.init(body);
                    return session.set(UI, ui).set("uiId", ui.uiId());
                }))
                .exitHereIfFailed()
                // Flow 25's bootstrap sends an empty UI; the client then fires "ui-navigate" on it.
                .exec(uidl("sign in: code page (navigate)", session -> ui(session).message(
                        VaadinUi.uiNavigate("login/code")),
                        ui -> ui.field("vaadin-text-field", "Code from your authenticator app")))
                .exec(session -> {
                    long step = reserveStep(session.getString("username"));
                    long wait = Math.max(0, (step - 1) * 30 - Instant.now().getEpochSecond() + 1);
                    return session.set("step", step).set("codeWait", wait);
                })
                .pause(session -> Duration.ofSeconds(session.getLong("codeWait")))
                .pause(Duration.ofSeconds(2), Duration.ofSeconds(6))
                .exec(uidl("sign in: code", session -> {
                    var ui = ui(session);
                    var field = ui.field("vaadin-text-field", "Code from your authenticator app");
                    var code = totp(plan.totpSecret(), session.getLong("step"));
                    return ui.message(VaadinUi.sync(field, "value", code), VaadinUi.event(ui.button("Continue"), "click"));
                }, ui -> {
                    if (ui.find("vaadin-text-field", node -> node.properties.containsKey("label")
                            && node.properties.get("label").asText().equals("Code from your authenticator app"))
                            .isPresent()) {
                        throw new IllegalStateException("still on the code page: the code was refused");
                    }
                }));
    }

    /** The content of a {@code <meta name="..." content="...">} tag of a page (Spring Security's CSRF token). */
    static String meta(String html, String name) {
        var tag = java.util.regex.Pattern.compile("<meta[^>]*name=\"" + name + "\"[^>]*>").matcher(html);
        if (!tag.find()) {
            throw new IllegalStateException("no meta tag " + name + " on the page");
        }
        var content = java.util.regex.Pattern.compile("content=\"([^\"]*)\"").matcher(tag.group());
        if (!content.find()) {
            throw new IllegalStateException("meta tag " + name + " has no content");
        }
        return content.group(1);
    }

    /** A menu or link navigation inside the signed-in UI. */
    private static ChainBuilder navigate(String name, Function<Session, String> location) {
        return exec(session -> session.set("location", location.apply(session)))
                .exec(uidl(name, session -> ui(session).message(VaadinUi.navigation(StaffDaySimulation.plan.baseUrl(),
                        session.getString("location"))), ui -> {}));
    }

    /** Types into the note's first section; the field's timeout sends the value, and the view autosaves. */
    private static ChainBuilder typeNote() {
        return exec(uidl("note autosave", session -> {
            var ui = ui(session);
            var section = ui.find("vaadin-text-area", node -> true)
                    .orElseThrow(() -> new IllegalStateException("no note section to write in"));
            var text = "Generated load-test text, fictional. Session went as planned; themes revisited at "
                    + Instant.now() + ".";
            return ui.message(VaadinUi.sync(section, "value", text));
        }, ui -> {
            if (!ui.shows("Saved at ")) {
                throw new IllegalStateException("the note was not saved");
            }
        }));
    }

    /** One UIDL round trip, checked: HTTP 200, a well-formed answer, no error or refusal page, then {@code check}. */
    private static ChainBuilder uidl(String name, Function<Session, String> body,
            java.util.function.Consumer<VaadinUi> check) {
        return exec(http(name).post("/?v-r=uidl&v-uiId=#{uiId}")
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody(body::apply))
                        .check(status().is(200), bodyString().saveAs("body"), responseTimeInMillis().saveAs("rt")))
                .exec(session -> LoadRecorder.handle(name, session, response -> {
                    var ui = ui(session);
                    LoadRecorder.sample(name.replace(" ", "-").replace(":", ""), response);
                    ui.read(response);
                    if (ui.shows("Incident reference")) {
                        throw new IllegalStateException("the error page was shown");
                    }
                    // The refusal page's heading; "No access" also occurs in client details ("No access to children").
                    if (ui.find("h1", node -> ui.text(node).equals("No access")).isPresent()) {
                        throw new IllegalStateException("access was refused");
                    }
                    check.accept(ui);
                    return session;
                }))
                .exitHereIfFailed();
    }

    /**
     * A time step whose code this account has not used yet: codes are single-use, and the app accepts the
     * current step and the next, so sign-ins of one account are spread over the steps.
     */
    private static long reserveStep(String username) {
        long now = Instant.now().getEpochSecond() / 30;
        return LAST_STEP.merge(username, now, (last, current) -> Math.max(current, last + 1));
    }

    /** RFC 6238 (HMAC-SHA1, six digits), the test suite's own implementation. */
    private static String totp(String secret, long step) {
        return org.casebook.CasebookUnderTest.totp(secret, step);
    }
}
