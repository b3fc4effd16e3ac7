package org.casebook.supervision.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.stream.IntStream;
import org.casebook.KaribuTest;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.RiskLevel;
import org.casebook.client.TestClients;
import org.casebook.riskplan.PlanContent;
import org.casebook.riskplan.PlanSave;
import org.casebook.riskplan.PlanService;
import org.casebook.security.RunAsStaff;
import org.casebook.security.StaffMember;
import org.casebook.security.ui.LoginView;
import org.casebook.session.AppointmentService;
import org.casebook.session.Attendance;
import org.casebook.session.SessionFixtures;
import org.casebook.supervision.CounsellorFigures;
import org.casebook.ui.ChartView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class SupervisionViewTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Autowired
    CaseAccessPolicy policy;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    AppointmentService appointments;

    @Autowired
    PlanService plans;

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(SupervisionView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(SupervisionView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(SupervisionView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorSeesACountForEachCounsellorOfTheirTeamAndACaseloadChart() {
        UI.getCurrent().navigate(SupervisionView.class);
        var view = _get(SupervisionView.class);
        var rows = view.grid.getListDataView().getItems().toList();
        assertThat(rows)
                .extracting(CounsellorFigures::counsellorName)
                .containsExactly("Casey Counsellor (demo)", "Robin Counsellor (demo)");
        var figure = (Button) GridKt._getCellComponent(view.grid, 0, "Active caseload");
        assertThat(figure.getText()).isEqualTo(Long.toString(rows.getFirst().activeCaseload()));
        var titles = _find(view.charts, ChartView.class).stream()
                .map(c -> c.spec().title())
                .toList();
        assertThat(titles)
                .containsExactly(
                        "Referrals received per month, by source",
                        "Team caseload by risk level",
                        "CORE-10 change for closed cases",
                        "Team caseload by status");
        var referrals = _find(view.charts, ChartView.class).getFirst();
        assertThat(referrals.spec().labels()).hasSize(12);
        assertThat(referrals.spec().stacked()).isTrue();
        assertThat(_find(view.charts, ChartView.class).get(1).spec().labels())
                .containsExactly("Low", "Medium", "High", "Very high", "No plan yet");
        assertThat(view.grid.getColumns())
                .extracting(c -> c.getKey())
                .contains(
                        "Sessions this month",
                        "Did not attend",
                        "Notes unsigned over 72 h",
                        "Overdue plan reviews",
                        "High or very high risk",
                        "Open safeguarding concerns");
    }

    @Test
    @WithUserDetails("supervisor")
    void aFigureOpensTheListOfClientsBehindItByCode() {
        var client = testClients.activeWith("counsellor2");
        UI.getCurrent().navigate(SupervisionView.class);
        var view = _get(SupervisionView.class);
        int robin = rowOf(view, "Robin Counsellor (demo)");
        _click((Button) GridKt._getCellComponent(view.grid, robin, "Active caseload"));

        var dialog = view.drillDown;
        assertThat(dialog).isNotNull();
        assertThat(dialog.isOpened()).isTrue();
        var codes = dialog.codes();
        assertThat(codes).contains(client.code()).hasSize((int) view.grid
                .getListDataView()
                .getItems()
                .filter(r -> r.counsellorName().startsWith("Robin"))
                .findFirst()
                .orElseThrow()
                .activeCaseload());
        var link = (Anchor) GridKt._getCellComponent(dialog.grid, codes.indexOf(client.code()), "client");
        assertThat(link.getHref()).isEqualTo("client/" + client.code());
        assertThat(link.getText()).isEqualTo(client.code());
    }

    @Test
    @WithUserDetails("supervisor")
    void theWaitingFigureOpensTheTeamsWaitingList() {
        var waiting = testClients.waiting("counsellor1");
        var south = testClients.waiting("counsellor3");
        UI.getCurrent().navigate(SupervisionView.class);
        var view = _get(SupervisionView.class);
        assertThat(view.waiting.getText()).startsWith("Waiting for assignment: ");
        _click(view.waiting);
        assertThat(view.drillDown.codes()).contains(waiting.code()).doesNotContain(south.code());
    }

    @Test
    @WithUserDetails("supervisor")
    void reassigningFromTheCaseloadListMovesTheClientAndRefusesAShortReasonAtTheField() {
        var client = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate(SupervisionView.class);
        var view = _get(SupervisionView.class);
        _click((Button) GridKt._getCellComponent(view.grid, rowOf(view, "Casey Counsellor (demo)"), "Active caseload"));
        var codes = view.drillDown.codes();
        _click((Button) GridKt._getCellComponent(view.drillDown.grid, codes.indexOf(client.code()), "action"));

        var dialog = view.reassignDialog;
        assertThat(dialog.counsellor
                        .getListDataView()
                        .getItems()
                        .map(StaffMember::displayName)
                        .toList())
                .containsExactly("Robin Counsellor (demo)");
        _setValue(
                dialog.counsellor,
                dialog.counsellor.getListDataView().getItems().findFirst().orElseThrow());
        _setValue(dialog.reason, "leave");
        _click(dialog.reassign);
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).contains("at least 10 characters");
        assertThat(dialog.reason.getValue()).isEqualTo("leave");
        assertThat(runAs.as("counsellor2", () -> policy.allows(client.id()))).isFalse();

        _setValue(dialog.reason, "Casey is on leave for two months");
        _click(dialog.reassign);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(runAs.as("counsellor2", () -> policy.allows(client.id()))).isTrue();
        assertThat(runAs.as("counsellor1", () -> policy.allows(client.id()))).isFalse();
    }

    @Test
    @WithUserDetails("supervisor")
    void anExcludedCounsellorIsNotOfferedForReassignment() {
        var client = testClients.activeWith("counsellor1");
        testClients.exclude(client.id(), "counsellor2");
        UI.getCurrent().navigate(SupervisionView.class);
        var view = _get(SupervisionView.class);
        _click((Button) GridKt._getCellComponent(view.grid, rowOf(view, "Casey Counsellor (demo)"), "Active caseload"));
        var codes = view.drillDown.codes();
        _click((Button) GridKt._getCellComponent(view.drillDown.grid, codes.indexOf(client.code()), "action"));
        assertThat(view.reassignDialog.counsellor.getListDataView().getItems().toList())
                .isEmpty();
        assertThat(view.reassignDialog.reassign.isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("supervisor")
    void sessionAndRiskFiguresOpenTheirListsToo() {
        var missed = sessions.pastSession("counsellor2");
        runAs.as("counsellor2", () -> appointments.recordOutcome(missed.appointment(), Attendance.DID_NOT_ATTEND));
        var high = testClients.activeWith("counsellor2");
        runAs.as(
                "counsellor2",
                () -> plans.save(new PlanSave(
                        high.code(),
                        0,
                        new PlanContent("Goals (test)", null, null, null, null, null, null, List.of()),
                        RiskLevel.HIGH,
                        RiskLevel.LOW,
                        "First plan (test)",
                        null)));
        UI.getCurrent().navigate(SupervisionView.class);
        var view = _get(SupervisionView.class);
        int robin = rowOf(view, "Robin Counsellor (demo)");
        var dna = (Button) GridKt._getCellComponent(view.grid, robin, "Did not attend");
        assertThat(dna.getText()).matches("\\d+ \\(\\d+%\\)");
        _click(dna);
        assertThat(view.drillDown.codes()).contains(missed.code());
        view.drillDown.close();
        _click((Button) GridKt._getCellComponent(view.grid, robin, "High or very high risk"));
        assertThat(view.drillDown.codes()).contains(high.code()).doesNotContain(missed.code());
        assertThat(view.drillDown
                        .grid
                        .getListDataView()
                        .getItems()
                        .filter(l -> l.code().equals(high.code()))
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .startsWith("to others high, to self low");
    }

    private static int rowOf(SupervisionView view, String name) {
        List<CounsellorFigures> rows = view.grid.getListDataView().getItems().toList();
        return IntStream.range(0, rows.size())
                .filter(i -> rows.get(i).counsellorName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
