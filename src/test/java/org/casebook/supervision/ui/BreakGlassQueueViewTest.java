package org.casebook.supervision.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Duration;
import org.casebook.KaribuTest;
import org.casebook.client.BreakGlassReview;
import org.casebook.client.DemoBreakGlass;
import org.casebook.client.TestClients;
import org.casebook.security.ui.LoginView;
import org.casebook.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class BreakGlassQueueViewTest extends KaribuTest {

    static final String REASON = "Client phoned the duty line in distress (test)";

    @Autowired
    TestClients testClients;

    @Autowired
    DemoBreakGlass pastBreakGlass;

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(BreakGlassQueueView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("counsellor3")
    void counsellorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(BreakGlassQueueView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void pendingAccessesComeFirstAndAreAcknowledgedThroughTheDialog() {
        var client = testClients.activeWith("counsellor1");
        pastBreakGlass.recordPast(client.code(), testClients.id("counsellor3"), REASON, Duration.ofHours(5));
        UI.getCurrent().navigate(BreakGlassQueueView.class);
        var view = _get(BreakGlassQueueView.class);
        var rows = view.grid.getListDataView().getItems().toList();
        assertThat(rows.getFirst().isPending()).isTrue();
        assertThat(view.pendingSummary.getText()).endsWith("for your review.");
        int row = indexOf(view, client.code());
        assertThat(rows.get(row).reason()).isEqualTo(REASON);

        var actions = (HorizontalLayout) GridKt._getCellComponent(view.grid, row, "actions");
        _click(_get(actions, Button.class, spec -> spec.withText("Acknowledge")));
        _setValue(view.reviewDialog.note, "Checked with Alex: the reason holds up.");
        _click(view.reviewDialog.confirm);

        var after = view.grid.getListDataView().getItems().toList().get(indexOf(view, client.code()));
        assertThat(after.outcome()).isEqualTo(BreakGlassReview.Outcome.ACKNOWLEDGED);
        assertThat(after.reviewNote()).isEqualTo("Checked with Alex: the reason holds up.");
    }

    @Test
    @WithUserDetails("supervisor")
    void escalatingWithoutANoteIsRefusedAtTheNote() {
        var client = testClients.activeWith("counsellor2");
        pastBreakGlass.recordPast(client.code(), testClients.id("counsellor3"), REASON, Duration.ofHours(4));
        UI.getCurrent().navigate(BreakGlassQueueView.class);
        var view = _get(BreakGlassQueueView.class);
        var actions = (HorizontalLayout) GridKt._getCellComponent(view.grid, indexOf(view, client.code()), "actions");
        _click(_get(actions, Button.class, spec -> spec.withText("Escalate")));
        _click(view.reviewDialog.confirm);
        assertThat(view.reviewDialog.note.isInvalid()).isTrue();
        assertThat(view.reviewDialog.isOpened()).isTrue();
        assertThat(view.grid
                        .getListDataView()
                        .getItems()
                        .toList()
                        .get(indexOf(view, client.code()))
                        .isPending())
                .isTrue();
    }

    @Test
    @WithUserDetails("supervisor")
    void theHomeViewShowsSupervisorsHowManyWaitForReview() {
        var client = testClients.activeWith("counsellor2");
        pastBreakGlass.recordPast(client.code(), testClients.id("counsellor3"), REASON, Duration.ofHours(1));
        UI.getCurrent().navigate(HomeView.class);
        var card = _get(Div.class, spec -> spec.withClasses("break-glass-home"));
        assertThat(card.getClassNames()).contains("attention");
        assertThat(_get(card, Paragraph.class).getText())
                .matches("\\d+ break-glass access(es)? waits? for your review\\.");
    }

    private static int indexOf(BreakGlassQueueView view, String code) {
        var rows = view.grid
                .getListDataView()
                .getItems()
                .map(BreakGlassReview::clientCode)
                .toList();
        return rows.indexOf(code);
    }
}
