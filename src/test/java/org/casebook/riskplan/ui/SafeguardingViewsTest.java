package org.casebook.riskplan.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.client.ui.ClientView;
import org.casebook.riskplan.ConcernCategory;
import org.casebook.riskplan.ConcernRow;
import org.casebook.riskplan.ConcernStatus;
import org.casebook.riskplan.DecisionOutcome;
import org.casebook.riskplan.NewConcern;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.RunAsStaff;
import org.casebook.security.ui.LoginView;
import org.casebook.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class SafeguardingViewsTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    RunAsStaff runAs;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    private UUID raisedBy(String username, String code, boolean immediate) {
        return runAs.as(
                username,
                () -> safeguarding.raise(new NewConcern(
                        code,
                        "Client named a child at risk",
                        today(),
                        ConcernCategory.CHILD_AT_RISK,
                        immediate,
                        "client-page")));
    }

    @Test
    void signedOutPersonLandsOnLoginFromEverySafeguardingRoute() {
        UI.getCurrent().navigate(SafeguardingView.class);
        _get(LoginView.class);
        UI.getCurrent().navigate(RaiseConcernView.class, "ABC-DEF");
        _get(LoginView.class);
        UI.getCurrent().navigate(ConcernView.class, UUID.randomUUID().toString());
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDeniedEverySafeguardingRoute() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(SafeguardingView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(RaiseConcernView.class, "ABC-DEF"))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent()
                        .navigate(ConcernView.class, UUID.randomUUID().toString()))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorRaisesAConcernFromASessionNoteAndSeesItOnTheClientPage() {
        var client = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate("safeguarding/new/" + client.code(), QueryParameters.of("source", "session-note"));
        var view = _get(RaiseConcernView.class);
        assertThat(UI.getCurrent().getInternals().getTitle())
                .isEqualTo("Safeguarding concern " + client.code() + " | Casebook");
        _setValue(view.category, ConcernCategory.SELF_HARM_OR_SUICIDE);
        _click(view.raise);
        assertThat(view.whatWasLearned.isInvalid()).isTrue();
        assertThat(view.category.getValue()).isEqualTo(ConcernCategory.SELF_HARM_OR_SUICIDE);

        _setValue(view.whatWasLearned, "Said he has a plan to end his life before the hearing");
        _setValue(view.immediate, true);
        _click(view.raise);

        _get(ClientView.class);
        var concerns = _get(
                com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withClasses("client-concerns"));
        assertThat(concerns.getElement().getTextRecursively())
                .contains("IMMEDIATE DANGER", "Risk of self-harm or suicide", "Awaiting decision")
                .doesNotContain("plan to end his life");
        // Danger first: the header's chip, and the concerns card straight after the action bar.
        assertThat(_get(org.casebook.client.ui.ClientHeader.class).getElement().getTextRecursively())
                .contains("Open concern: immediate danger");
        assertThat(concerns.getParent()
                        .orElseThrow()
                        .getChildren()
                        .skip(2)
                        .findFirst()
                        .orElseThrow())
                .isSameAs(concerns);
        var row = safeguarding.forClient(client.code()).getFirst();
        assertThat(safeguarding.open(row.id()).source()).isEqualTo("session-note");
    }

    @Test
    @WithUserDetails("counsellor1")
    void aClientOutsideNeedToKnowCannotHaveAConcernRaisedHere() {
        var theirs = testClients.activeWith("counsellor2");
        UI.getCurrent().navigate(RaiseConcernView.class, theirs.code());
        _get(H1.class, spec -> spec.withText("No access"));
    }

    @Test
    @WithUserDetails("supervisor")
    void aSupervisorSeesTheQueueImmediateFirstAndTheAlertOnTheHomeView() {
        var client = testClients.activeWith("counsellor1");
        var routine = raisedBy("counsellor1", client.code(), false);
        var urgent = raisedBy("counsellor1", client.code(), true);

        UI.getCurrent().navigate(HomeView.class);
        var home = _get(HomeView.class);
        var alert = _get(Div.class, spec -> spec.withClasses("safeguarding-alert"));
        assertThat(alert.getClassNames()).contains("safeguarding-alert-immediate");
        assertThat(alert.getElement().getTextRecursively()).contains("open safeguarding concern", "IMMEDIATE DANGER");
        // At the top: straight after the greeting.
        assertThat(home.getComponentAt(1)).isSameAs(alert);

        UI.getCurrent().navigate(SafeguardingView.class);
        var queue = _get(SafeguardingView.class);
        var rows = queue.concerns
                .getGenericDataView()
                .getItems()
                .map(ConcernRow::id)
                .toList();
        assertThat(rows.indexOf(urgent)).isNotNegative().isLessThan(rows.indexOf(routine));
        assertThat(GridKt._getFormattedRow(queue.concerns, rows.indexOf(urgent)).toString())
                .contains("Your team");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(SafeguardingView.POLL_MILLIS);
    }

    @Test
    @WithUserDetails("supervisor")
    void theQueueShowsHowLongEachOpenConcernHasWaitedForADecision() {
        var client = testClients.activeWith("counsellor1");
        var fresh = raisedBy("counsellor1", client.code(), true);

        UI.getCurrent().navigate(SafeguardingView.class);
        var queue = _get(SafeguardingView.class);
        var rows = queue.concerns
                .getGenericDataView()
                .getItems()
                .map(ConcernRow::id)
                .toList();
        assertThat(queue.concerns.getColumnByKey("waiting").getHeaderText()).isEqualTo("Waiting for a decision");
        assertThat(GridKt._getFormattedRow(queue.concerns, rows.indexOf(fresh)).toString())
                .contains("0 min");
    }

    @Test
    @WithUserDetails("supervisor")
    void aSupervisorDecidesAReferralWithItsReferenceThenClosesTheConcern() {
        var client = testClients.activeWith("counsellor1");
        var id = raisedBy("counsellor1", client.code(), true);
        UI.getCurrent().navigate(ConcernView.class, id.toString());
        var view = _get(ConcernView.class);
        assertThat(view.content.getElement().getTextRecursively()).contains("Client named a child at risk");

        _setValue(view.outcome, DecisionOutcome.POLICE);
        _setValue(view.followUp, "Tell the client at the next session");
        _click(view.decide);
        var asked = _get(com.vaadin.flow.component.dialog.Dialog.class);
        assertThat(asked.getHeaderTitle()).isEqualTo("Record this decision on " + client.code() + "'s concern?");
        assertThat(asked.getElement().getTextRecursively()).contains("Referred to police", "cannot be changed");
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Record it")));
        assertThat(view.reference.isInvalid()).isTrue();
        assertThat(view.followUp.getValue()).isEqualTo("Tell the client at the next session");
        _setValue(view.reference, "POL-2026-123");
        _setValue(view.referredOn, today());
        _click(view.decide);
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Record it")));
        assertThat(view.content.getElement().getTextRecursively())
                .contains("Referred to police", "POL-2026-123", "Tell the client at the next session");

        _setValue(view.comment, "Police visited the address");
        _click(view.addComment);
        _setValue(view.closingNote, "Safety plan agreed");
        _click(view.close);
        var text = view.content.getElement().getTextRecursively();
        assertThat(text).contains("Police visited the address", "Safety plan agreed", "Closed");
        assertThat(safeguarding.open(id).row().status()).isEqualTo(ConcernStatus.CLOSED);
    }

    @Test
    @WithUserDetails("supervisor2")
    void anotherTeamsSupervisorSeesTheConcernInTheQueueButNotItsText() {
        var client = testClients.activeWith("counsellor1");
        var id = raisedBy("counsellor1", client.code(), false);
        UI.getCurrent().navigate(SafeguardingView.class);
        var queue = _get(SafeguardingView.class);
        assertThat(queue.concerns.getGenericDataView().getItems().map(ConcernRow::id))
                .contains(id);
        UI.getCurrent().navigate(ConcernView.class, id.toString());
        var view = _get(ConcernView.class);
        _get(H1.class, spec -> spec.withText("No access"));
        assertThat(view.content.getElement().getTextRecursively()).doesNotContain("Client named a child");
    }
}
