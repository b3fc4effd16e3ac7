package org.casebook;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.casebook.referral.ReferralChoices.ChildAccess;
import org.casebook.referral.ReferralChoices.Concern;
import org.casebook.referral.ReferralChoices.LegalStatus;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ui.ReferralFormView;
import org.casebook.session.SessionFixtures;
import org.casebook.session.ui.NoteView;
import org.casebook.ui.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A bad day: PostgreSQL stops while counsellors work, and starts again. The pool and driver timeouts
 * ({@code application.properties}, {@link PostgresTimeouts}) make the failure show within seconds; the
 * one error handler names it; nothing partial is stored; the same save works once the database is back,
 * without a restart. Also the management port: probes and metrics there, readiness down during the outage,
 * nothing else exposed, and no actuator on the main port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageTest extends KaribuTest {

    private static final RestartablePostgres POSTGRES = RestartablePostgres.started("outage");
    private static final Duration PROMISED = Duration.ofSeconds(5);
    private static final String TYPED = "Typed while the database was down (fictional)";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    SessionFixtures sessions;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int serverPort;

    @LocalManagementPort
    int managementPort;

    @AfterEach
    void databaseRunsAgain() {
        POSTGRES.start();
    }

    @Test
    @WithUserDetails("counsellor1")
    void aNoteSavedDuringAnOutageIsKeptOnScreenNothingIsStoredAndTheSameSaveWorksOnceTheDatabaseIsBack()
            throws Exception {
        var session = sessions.attended("counsellor1");
        UI.getCurrent().navigate(NoteView.class, session.appointment().toString());
        var presentation = _get(TextArea.class, spec -> spec.withLabel("Presentation"));
        var storedBefore = storedNote(session.appointment().toString());
        var auditBefore = auditEntries();

        POSTGRES.stop();
        var took = timeToMessage(() -> _setValue(presentation, TYPED));

        assertThat(took).as("time until the person is told").isLessThan(PROMISED);
        assertThat(presentation.getValue()).isEqualTo(TYPED);
        POSTGRES.start();
        assertThat(readinessWithin(Duration.ofSeconds(10)))
                .as("the pool reconnects")
                .isEqualTo(200);
        assertThat(storedNote(session.appointment().toString())).as("note row").isEqualTo(storedBefore);
        assertThat(auditEntries()).as("audit entries").isEqualTo(auditBefore);

        _click(_get(Button.class, spec -> spec.withText("Save draft")));

        assertThat(_get(Span.class, spec -> spec.withClasses("save-state")).getText())
                .startsWith("Saved at ");
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate(NoteView.class, session.appointment().toString());
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Presentation")).getValue())
                .isEqualTo(TYPED);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aReferralSavedDuringAnOutageIsKeptOnScreenNothingIsStoredAndTheSameSaveWorksOnceTheDatabaseIsBack()
            throws Exception {
        UI.getCurrent().navigate(ReferralFormView.class);
        fillReferral();
        var referralsBefore = referrals();
        var auditBefore = auditEntries();

        POSTGRES.stop();
        var took = timeToMessage(() -> _click(_get(Button.class, spec -> spec.withText("Save referral"))));

        assertThat(took).as("time until the person is told").isLessThan(PROMISED);
        assertThat(_get(TextField.class, spec -> spec.withLabel("Preferred name"))
                        .getValue())
                .isEqualTo("Outage Person (fictional)");
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Summary")).getValue())
                .isEqualTo(TYPED);
        POSTGRES.start();
        assertThat(readinessWithin(Duration.ofSeconds(10)))
                .as("the pool reconnects")
                .isEqualTo(200);
        assertThat(referrals()).as("referrals").isEqualTo(referralsBefore);
        assertThat(auditEntries()).as("audit entries").isEqualTo(auditBefore);

        _click(_get(Button.class, spec -> spec.withText("Save referral")));

        _get(H1.class, spec -> spec.withText("Referral saved"));
        assertThat(referrals()).isEqualTo(referralsBefore + 1);
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsAndLivenessStaysUp() throws Exception {
        assertThat(readinessWithin(Duration.ofSeconds(10)))
                .as("ready while the database runs")
                .isEqualTo(200);

        POSTGRES.stop();
        var readiness = management("/actuator/health/readiness");
        var liveness = management("/actuator/health/liveness");
        POSTGRES.start();

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(readinessWithin(Duration.ofSeconds(10)))
                .as("ready again once the database is back")
                .isEqualTo(200);
    }

    /** Readiness, asked until it is up or the time is over: the pool replaces its broken connections first. */
    private int readinessWithin(Duration patience) throws Exception {
        var deadline = System.nanoTime() + patience.toNanos();
        int status;
        do {
            status = management("/actuator/health/readiness").statusCode();
            if (status == 200) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    @Test
    void theManagementPortAnswersHealthAndMetricsOnlyAndTheMainPortServesNoActuator() throws Exception {
        var health = management("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
        var metrics = management("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active");
        for (var hidden : new String[] {
            "/actuator/env",
            "/actuator/configprops",
            "/actuator/beans",
            "/actuator/heapdump",
            "/actuator/loggers",
            "/actuator/mappings",
            "/actuator/threaddump"
        }) {
            assertThat(management(hidden).statusCode()).as(hidden).isEqualTo(404);
        }

        for (var path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/env"}) {
            var onMainPort = get(serverPort, path);
            assertThat(onMainPort.statusCode()).as(path + " on the main port").isNotEqualTo(200);
            assertThat(onMainPort.body()).as(path + " on the main port").doesNotContain("status", "jvm_");
        }
    }

    /** Runs the person's action with the database down and returns how long until they read the message. */
    private static Duration timeToMessage(Runnable action) {
        var started = System.nanoTime();
        // Karibu hands a listener's exception to the test; Vaadin's request handler gives it to the session's handler.
        var failure = catchThrowable(action::run);
        assertThat(failure).as("the save failed").isNotNull();
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure));
        var text =
                _get(Div.class, spec -> spec.withClasses("error-notification")).getText();
        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(text).startsWith(Incident.DATABASE_UNREACHABLE);
        System.out.println("Database outage: the person was told after " + took.toMillis() + " ms");
        _get(Notification.class).close();
        return took;
    }

    private void fillReferral() {
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Source")), Source.SELF);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Preferred name")), "Outage Person (fictional)");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Year of birth")), "1979");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Postcode district")), "ZZ8");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Phone")), "07700 900555");
        _setValue(_get(EmailField.class, spec -> spec.withLabel("Email")), "outage.person@example.invalid");
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("May leave a voicemail")), true);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Presenting concern")), Concern.THOUGHTS_OR_URGES);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Legal status")), LegalStatus.NONE_KNOWN);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Current access to children")), ChildAccess.NONE);
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Summary")), TYPED);
    }

    private String storedNote(String appointment) {
        return jdbc
                .query(
                        "select version, encode(presentation, 'hex') from session_note where appointment_id = ?::uuid",
                        (rs, row) -> rs.getLong(1) + ":" + rs.getString(2),
                        appointment)
                .stream()
                .findFirst()
                .orElse("no note");
    }

    private long auditEntries() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    private long referrals() {
        return jdbc.queryForObject("select count(*) from referral", Long.class);
    }

    private HttpResponse<String> management(String path) throws Exception {
        return get(managementPort, path);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
