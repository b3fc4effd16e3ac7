package org.casebook.referral.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.referral.ReferralService;
import org.casebook.referral.ReferralViews.CounsellorOption;
import org.casebook.referral.ReferralViews.QueueRow;
import org.casebook.referral.Referrals;
import org.casebook.security.RunAsStaff;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

class WaitingListViewTest extends KaribuTest {

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
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(WaitingListView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(WaitingListView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorSeesTheirTeamsWaitingListByPriorityThenDate() {
        var mine = testClients.waiting("counsellor1");
        var south = testClients.waiting("counsellor3");
        var view = open();
        var rows = view.waiting.getGenericDataView().getItems().toList();
        assertThat(rows).extracting(QueueRow::code).contains(mine.code()).doesNotContain(south.code());
        assertThat(rows)
                .isSortedAccordingTo(Comparator.comparing((QueueRow r) -> r.priority() == null ? 9 : r.priority())
                        .thenComparing(QueueRow::receivedOn));
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorTriagesAReferralWithItsPriorityInOneDialogAndAReasonIsRequired() {
        var code = runAs.as(
                "counsellor1",
                () -> referrals
                        .receive(Referrals.valid(LocalDate.now(clock)), false)
                        .code());
        var view = open();
        click(view.toTriage, code);
        _click(view.confirm);
        assertThat(view.dialogError.getText()).isEqualTo("Choose a priority for the waiting list.");
        _setValue(view.priority, 1);
        _click(view.confirm);
        assertThat(view.dialogError.getText()).isEqualTo("Say why the person is eligible.");
        assertThat(status(code)).isEqualTo("RECEIVED");
        _setValue(view.reason, "Adult, within remit (fictional).");
        _click(view.confirm);
        // Triaged and on the waiting list in one step, said in plain words.
        assertThat(status(code)).isEqualTo("WAITING");
        assertThat(view.message.getText())
                .isEqualTo(code + " triaged as eligible and added to the waiting list, priority 1.");
        assertThat(view.waiting.getGenericDataView().getItems().map(QueueRow::code))
                .contains(code);
    }

    @Test
    @WithUserDetails("supervisor")
    void childAtRiskReferralsAreMarkedOnTheQueue() {
        var code = runAs.as(
                "counsellor2",
                () -> referrals
                        .receive(
                                Referrals.referral(
                                        "Queue Child (fictional)",
                                        "07700 977701",
                                        null,
                                        1970,
                                        LocalDate.now(clock),
                                        null,
                                        false,
                                        "A named child (fictional)."),
                                true)
                        .code());
        var view = open();
        var index = indexOf(view.toTriage, code);
        var flags = GridKt._getCellComponent(view.toTriage, index, "flags");
        assertThat(flags.getElement().getTextRecursively()).contains("Child at risk", "Urgent");
    }

    @Test
    @WithUserDetails("supervisor")
    void assignmentOffersTeamCounsellorsWithCaseloadButNeverAnExcludedOne() {
        var client = testClients.waiting("counsellor1");
        testClients.exclude(client.id(), "counsellor2");
        var view = open();
        click(view.waiting, client.code());
        var offered = view.counsellors.getListDataView().getItems().toList();
        assertThat(offered)
                .extracting(CounsellorOption::name)
                .contains("Casey Counsellor (demo)")
                .doesNotContain("Robin Counsellor (demo)", "Alex Counsellor (demo)");
        var casey = offered.stream()
                .filter(o -> o.name().startsWith("Casey"))
                .findFirst()
                .orElseThrow();
        assertThat(GridKt._getFormattedRow(view.counsellors, offered.indexOf(casey)))
                .contains(String.valueOf(casey.openCases()));

        view.counsellors.select(casey);
        _setValue(view.reason, "Nearest with space (fictional).");
        _click(view.confirm);
        assertThat(status(client.code())).isEqualTo("ASSIGNED");
        assertThat(view.assigned.getGenericDataView().getItems().map(QueueRow::code))
                .contains(client.code());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where client_ref = ? and action = 'ASSIGN'",
                        Long.class,
                        client.code()))
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails("supervisor")
    void theWaitingListSaysHowManyWaitAndForHowManyDaysInPagesOfAtMostFifty() {
        var mine = testClients.waiting("counsellor1");
        var view = open();
        var rows = view.waiting.getGenericDataView().getItems().toList();
        assertThat(view.waitingHeading.getText()).isEqualTo("Waiting (" + rows.size() + ")");
        int index = indexOf(view.waiting, mine.code());
        assertThat(String.join(" | ", GridKt._getFormattedRow(view.waiting, index)))
                .contains(" | " + view.waited(rows.get(index)));
        assertThat(referrals.waitingList(org.springframework.data.domain.PageRequest.of(0, 500)))
                .hasSizeLessThanOrEqualTo(ReferralService.QUEUE_PAGE);
    }

    private WaitingListView open() {
        UI.getCurrent().navigate(WaitingListView.class);
        return _get(WaitingListView.class);
    }

    private static void click(Grid<QueueRow> grid, String code) {
        var button = (Button) GridKt._getCellComponent(grid, indexOf(grid, code), "action");
        _click(button);
    }

    private static int indexOf(Grid<QueueRow> grid, String code) {
        var rows = grid.getGenericDataView().getItems().toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code + " is not listed");
    }

    private String status(String code) {
        return jdbc.queryForObject("select status from client where code = ?", String.class, code);
    }
}
