package org.casebook.referral.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.time.LocalDate;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.referral.ReferralChoices.ClosureReason;
import org.casebook.referral.ReferralService;
import org.casebook.referral.Referrals;
import org.casebook.security.RunAsStaff;
import org.casebook.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

class ReferralSectionTest extends KaribuTest {

    @Autowired
    ReferralService referrals;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    @WithUserDetails("supervisor")
    void supervisorSeesTheReferralAndExcludesACounsellorFromTheClientPage() {
        var code = runAs.as(
                "counsellor1",
                () -> referrals
                        .receive(Referrals.valid(LocalDate.now(clock)), false)
                        .code());
        UI.getCurrent().navigate("client/" + code);
        var card = _get(ReferralSection.ReferralCard.class);
        assertThat(card.getElement().getTextRecursively())
                .contains("Self-referral", "Worried about thoughts or urges", "Fictional test referral.");
        more("Close the case");
        _get(com.vaadin.flow.component.dialog.Dialog.class).close();
        more("Exclude a member of staff");
        assertThat(card.excluded.getListDataView().getItems().map(s -> s.displayName()))
                .contains("Robin Counsellor (demo)");
        var robin = card.excluded
                .getListDataView()
                .getItems()
                .filter(s -> s.displayName().startsWith("Robin"))
                .findFirst()
                .orElseThrow();
        _setValue(card.excluded, robin);
        _click(card.confirm);
        assertThat(card.dialogError.getText()).isEqualTo("Say why this person must not work with the client.");
        _setValue(card.exclusionReason, "Knows the family (fictional).");
        _click(card.confirm);
        assertThat(jdbc.queryForObject(
                        "select count(*) from client_exclusion x join client c on c.id = x.client_id "
                                + "where c.code = ?",
                        Long.class,
                        code))
                .isEqualTo(1);
        // The close dialog, cancelled before, did not act on the exclusion's confirmation.
        assertThat(jdbc.queryForObject("select status from client where code = ?", String.class, code))
                .isEqualTo("RECEIVED");
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorClosesTheirCaseWithAReasonAndSummary() {
        var client = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate("client/" + client.code());
        var card = _get(ReferralSection.ReferralCard.class);
        assertThat(card.moreActions()).extracting(a -> a.label()).containsExactly("Close the case");
        more("Close the case");
        _setValue(card.closureReason, ClosureReason.COMPLETED);
        _setValue(card.closingSummary, "short");
        _click(card.confirm);
        assertThat(card.dialogError.getText()).startsWith("Write a closing summary");
        _setValue(card.closingSummary, "Completed the planned work (fictional).");
        _click(card.confirm);
        assertThat(jdbc.queryForObject("select status from client where code = ?", String.class, client.code()))
                .isEqualTo("CLOSED");
    }

    @Test
    @WithUserDetails("supervisor")
    void aChildAtRiskReferralShowsAtOnceOnTheSupervisorsHomePage() {
        var code = runAs.as(
                "counsellor1",
                () -> referrals
                        .receive(
                                Referrals.referral(
                                        "Home Child (fictional)",
                                        "07700 988801",
                                        null,
                                        1969,
                                        LocalDate.now(clock),
                                        null,
                                        false,
                                        "A named child (fictional)."),
                                true)
                        .code());
        UI.getCurrent().navigate(HomeView.class);
        var alert = _get(Div.class, spec -> spec.withClasses("child-at-risk-alert"));
        assertThat(alert.getElement().getTextRecursively()).contains(code);
    }

    @Test
    @WithUserDetails("supervisor2")
    void anotherTeamsSupervisorDoesNotSeeThatFlag() {
        var code = runAs.as(
                "counsellor1",
                () -> referrals
                        .receive(
                                Referrals.referral(
                                        "Other Child (fictional)",
                                        "07700 988802",
                                        null,
                                        1968,
                                        LocalDate.now(clock),
                                        null,
                                        false,
                                        "A named child (fictional)."),
                                true)
                        .code());
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_find(Div.class, spec -> spec.withClasses("child-at-risk-alert")))
                .allSatisfy(alert ->
                        assertThat(alert.getElement().getTextRecursively()).doesNotContain(code));
    }

    /** Chooses an action from the client page's "More" menu, as a person would. */
    private static void more(String action) {
        com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption(
                _get(com.vaadin.flow.component.menubar.MenuBar.class, spec -> spec.withClasses("client-more")), action);
    }
}
