package org.casebook.client.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import org.casebook.KaribuTest;
import org.casebook.client.AccessBasis;
import org.casebook.client.TestClients;
import org.casebook.security.TestCodes;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

class ClientViewTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clearSignInState() {
        jdbc.update(
                "update staff_account set totp_last_step = null, failed_attempts = 0, failed_codes = 0, locked_until = null");
    }

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(ClientView.class, "ABC-DEF");
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(ClientView.class, "ABC-DEF"))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorSeesHowToContactTheirClientSafelyFirst() {
        var mine = testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(ClientView.class, mine.code());
        var view = _get(ClientView.class);
        assertThat(_get(H1.class, spec -> spec.withText(mine.code()))).isNotNull();
        var safeContact = _get(VerticalLayout.class, spec -> spec.withClasses("safe-contact"));
        assertThat(safeContact.getElement().getTextRecursively())
                .contains("May leave a voicemail", "Do not text", "Do not send letters", "Weekday evenings");
        // The header and the action bar, then (with no concern in immediate danger) how to contact safely.
        assertThat(view.content.getChildren().findFirst().orElseThrow()).isInstanceOf(ClientHeader.class);
        assertThat(view.content.getChildren().skip(1).findFirst().orElseThrow()).isSameAs(view.actions);
        assertThat(view.content.getChildren().skip(2).findFirst().orElseThrow()).isSameAs(safeContact);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(mine.code() + " | Casebook");
    }

    @Test
    @WithUserDetails("counsellor1")
    void anotherCounsellorsClientIsRefusedAndOffersBreakGlass() {
        var theirs = testClients.assignedTo("counsellor2");
        UI.getCurrent().navigate(ClientView.class, theirs.code());
        var view = _get(ClientView.class);
        assertThat(view.details()).isNull();
        _get(H1.class, spec -> spec.withText("No access"));
        assertThat(view.content.getElement().getTextRecursively()).doesNotContain("Test Person");

        _click(view.breakGlass);
        _setValue(view.breakGlassReason, "short");
        _click(_get(Button.class, spec -> spec.withText("Continue")));
        assertThat(view.breakGlassReason.isInvalid()).isTrue();
        assertThat(view.breakGlassReason.getValue()).isEqualTo("short");

        _setValue(view.breakGlassReason, "Client rang in crisis and Robin is on leave");
        _click(_get(Button.class, spec -> spec.withText("Continue")));
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Your password")), "casebook-demo-2026");
        _setValue(
                _get(TextField.class, spec -> spec.withLabel("Code from your authenticator app")),
                TestCodes.code(TestCodes.DEMO_SECRET, Instant.now()));
        _click(_get(Button.class, spec -> spec.withText("Confirm")));

        assertThat(view.details()).isNotNull();
        assertThat(view.details().access().basis()).isEqualTo(AccessBasis.BREAK_GLASS);
        _get(Div.class, spec -> spec.withClasses("break-glass-warning"));
    }

    @Autowired
    jakarta.persistence.EntityManagerFactory entityManagers;

    @Test
    @WithUserDetails("counsellor1")
    void oneViewOfTheClientPageReadsTheClientOnceAndWritesOneAuditEntryNamingWhatItShowed() {
        var mine = testClients.activeWith("counsellor1");
        var statistics =
                entityManagers.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        var last = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            UI.getCurrent().navigate(ClientView.class, mine.code());
        } finally {
            statistics.setStatisticsEnabled(false);
        }
        var entries = jdbc.queryForList("select record_type, client_ref, reason from audit_entry where seq > ?", last);
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst())
                .containsEntry("record_type", "client-page")
                .containsEntry("client_ref", mine.code());
        assertThat((String) entries.getFirst().get("reason"))
                .contains(
                        "client",
                        "client-summary",
                        "consent",
                        "appointments",
                        "risk-plan",
                        "safeguarding-concern",
                        "client-history");
        assertThat(statistics.getEntityStatistics("org.casebook.client.Client").getLoadCount())
                .as("loads of the client row")
                .isEqualTo(1);
        var exclusionChecks = java.util.Arrays.stream(statistics.getQueries())
                .filter(q -> q.contains("ClientExclusion"))
                .mapToLong(q -> statistics.getQueryStatistics(q).getExecutionCount())
                .sum();
        assertThat(exclusionChecks).as("exclusion checks").isEqualTo(1);
    }

    @Test
    @WithUserDetails("counsellor1")
    void theHeaderNamesTheClientAndTheActionBarOffersTheEverydayActions() {
        var mine = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate(ClientView.class, mine.code());
        var view = _get(ClientView.class);
        var header = _get(ClientHeader.class);
        var summary = java.util.Objects.requireNonNull(view.summary());
        assertThat(header.getElement().getTextRecursively())
                .contains(
                        "Caseload", mine.code(), summary.preferredName(), "Active", "Risk to others:", "Risk to self:");
        assertThat(view.actions.getChildren()).contains(view.book, view.openPlan, view.raiseConcern, view.moreMenu);
        _click(view.openPlan);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("plan/" + mine.code());
    }

    @Test
    @WithUserDetails("counsellor1")
    void theCounsellorAllowsEmailExplicitlyAndCannotAllowAChannelWithNowhereToSendIt() {
        var client = testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(ClientView.class, client.code());
        var view = _get(ClientView.class);
        var card = _get(VerticalLayout.class, spec -> spec.withClasses("safe-contact"));
        assertThat(card.getElement().getTextRecursively()).contains("Do not email", "test.person@example.invalid");

        _click(_get(card, Button.class, spec -> spec.withText("Change safe channels")));
        var dialog = java.util.Objects.requireNonNull(view.channelsDialog);
        var email = _get(
                dialog, com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withLabel("May send an email"));
        var letter = _get(
                dialog, com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withLabel("May send a letter"));
        assertThat(email.getValue()).isFalse();
        email.setValue(true);
        letter.setValue(true);
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(letter.isInvalid()).isTrue();
        assertThat(letter.getErrorMessage()).isEqualTo("There is no postal address on file for this.");
        assertThat(email.getValue()).isTrue();
        assertThat(dialog.isOpened()).isTrue();

        letter.setValue(false);
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(_get(VerticalLayout.class, spec -> spec.withClasses("safe-contact"))
                        .getElement()
                        .getTextRecursively())
                .contains("May send an email", "Do not send letters");
        assertThat(jdbc.queryForObject(
                        "select email_ok from client where id = ?",
                        Boolean.class,
                        client.id().value()))
                .isTrue();
    }
}
