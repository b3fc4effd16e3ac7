package org.casebook.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import java.util.List;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientAlert;
import org.casebook.client.ClientSummary;
import org.casebook.client.RiskLevel;
import org.junit.jupiter.api.Test;

class ClientHeaderTest {

    private static ClientSummary summary(List<ClientAlert> alerts, boolean breakGlass) {
        return new ClientSummary(
                "ABC-DEF", "Sam (fictional)", CaseStatus.ACTIVE, RiskLevel.HIGH, null, breakGlass, alerts, null);
    }

    @Test
    void alertChipsComeDangerFirstAndEachLinksToWhereItIsDealtWith() {
        var header = new ClientHeader(
                summary(
                        List.of(
                                new ClientAlert(ClientAlert.Kind.NOTE_OVERDUE, "Note overdue", "sessions/ABC-DEF"),
                                new ClientAlert(ClientAlert.Kind.REVIEW_OVERDUE, "Plan review overdue", "plan/ABC-DEF"),
                                new ClientAlert(
                                        ClientAlert.Kind.IMMEDIATE_DANGER,
                                        "Open concern: immediate danger",
                                        "client/ABC-DEF")),
                        false),
                "Sessions");
        var chips = header.alerts.getChildren().map(Anchor.class::cast).toList();
        assertThat(chips)
                .extracting(Anchor::getText)
                .containsExactly("Open concern: immediate danger", "Plan review overdue", "Note overdue");
        assertThat(chips)
                .extracting(Anchor::getHref)
                .containsExactly("client/ABC-DEF", "plan/ABC-DEF", "sessions/ABC-DEF");
        assertThat(chips.getFirst().getElement().getThemeList()).contains("primary");
    }

    @Test
    void onAnotherPageTheBreadcrumbsLeadBackToTheClientAndTheCaseload() {
        var header = new ClientHeader(summary(List.of(), false), "Session note");
        var links = header.breadcrumbs.getElement().getTextRecursively();
        assertThat(links).contains("Caseload", "ABC-DEF", "Session note");
        assertThat(header.getElement().getTextRecursively())
                .contains("Sam (fictional)", "Active", "Risk to others: high", "Risk to self: not rated");
        assertThat(header.alerts.isVisible()).isFalse();
        assertThat(header.getChildren().anyMatch(H1.class::isInstance)).isFalse();
    }

    @Test
    void onTheClientPageTheCodeIsTheHeadingAndBreakGlassIsSaidAloud() {
        var header = new ClientHeader(summary(List.of(), true), null);
        assertThat(header.getElement().getTextRecursively()).contains("You opened this client by break-glass");
        assertThat(header.getElement()
                        .getChildren()
                        .anyMatch(e -> e.getTag().equals("div")
                                && e.getChildren()
                                        .anyMatch(c -> c.getTag().equals("h1")
                                                && c.getText().equals("ABC-DEF"))))
                .isTrue();
    }
}
