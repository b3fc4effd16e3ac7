package org.casebook.dataprotection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.casebook.KaribuTest;
import org.casebook.client.ClientService;
import org.casebook.client.PersonalDetail;
import org.casebook.client.TestClients;
import org.casebook.dataprotection.DataRequestService;
import org.casebook.dataprotection.RequestKind;
import org.casebook.dataprotection.ReviewItem;
import org.casebook.referral.ReferralChoices;
import org.casebook.referral.ReferralService;
import org.casebook.security.RunAsStaff;
import org.casebook.security.TestCodes;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

class DataProtectionViewsTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Autowired
    ReferralService referrals;

    @Autowired
    DataRequestService requests;

    @Autowired
    ClientService clients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    private static void confirmItIsMe() {
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Your password")), "casebook-demo-2026");
        _setValue(
                _get(TextField.class, spec -> spec.withLabel("Code from your authenticator app")),
                TestCodes.code(TestCodes.DEMO_SECRET, Instant.now()));
        _click(_get(Button.class, spec -> spec.withText("Confirm")));
    }

    @Test
    void signedOutPersonLandsOnLoginFromEveryDataProtectionRoute() {
        UI.getCurrent().navigate(DataRetentionView.class);
        _get(LoginView.class);
        UI.getCurrent().navigate(DataRequestsView.class);
        _get(LoginView.class);
        UI.getCurrent().navigate(DataRequestView.class, UUID.randomUUID().toString());
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorsMenuOffersDataRetentionAndDataRequests() {
        UI.getCurrent().navigate(org.casebook.ui.HomeView.class);
        var labels = _get(com.vaadin.flow.component.sidenav.SideNav.class).getItems().stream()
                .map(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)
                .toList();
        assertThat(labels).containsSubsequence("Data retention", "Data requests", "Audit log");
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorIsDeniedEveryDataProtectionRoute() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(DataRetentionView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(DataRequestsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent()
                        .navigate(DataRequestView.class, UUID.randomUUID().toString()))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorSeesTheRetentionScheduleButNoRecordAndNoRequest() {
        UI.getCurrent().navigate(DataRetentionView.class);
        var view = _get(DataRetentionView.class);
        assertThat(view.schedule.getGenericDataView().getItems().count()).isEqualTo(4);
        assertThat(view.pending.getParent()).as("no list of records").isEmpty();
        assertThat(view.holds.getParent()).isEmpty();
        assertThat(GridKt._getFormattedRow(view.schedule, 0))
                .contains("Closed case", "7 years after the case was closed");
        assertThat(GridKt._getFormattedRow(view.schedule, 3)).contains("Audit log");
        assertThatThrownBy(() -> UI.getCurrent().navigate(DataRequestsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorApprovesAnonymisationOfARecordPastItsDateAfterConfirmingItIsThem() {
        var client = testClients.activeWith("counsellor1");
        referrals.close(client.code(), ReferralChoices.ClosureReason.COMPLETED, "Work completed (fictional).");
        // As the daily job lists it once its period has ended (the job itself is tested with a moved clock).
        jdbc.update(
                "insert into retention_review (id, client_id, client_code, team_id, rule, due_on, found_on, status) "
                        + "select ?, id, code, team_id, 'CLOSED_CASE', ?, ?, 'PENDING' from client where id = ?",
                UUID.randomUUID(),
                LocalDate.now(),
                LocalDate.now(),
                client.id().value());
        UI.getCurrent().navigate(DataRetentionView.class);
        var view = _get(DataRetentionView.class);
        var row = view.pending
                .getGenericDataView()
                .getItems()
                .map(c -> c.clientCode())
                .toList()
                .indexOf(client.code());
        assertThat(row).isNotNegative();
        _click((Button) GridKt._getCellComponent(view.pending, row, "approve"));
        confirmItIsMe();
        assertThat(view.pending.getGenericDataView().getItems())
                .noneMatch(c -> c.clientCode().equals(client.code()));
        assertThat(jdbc.queryForObject(
                        "select anonymised_on from client where id = ?",
                        LocalDate.class,
                        client.id().value()))
                .isNotNull();
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorPlacesALegalHoldWithAReasonAndReleasesIt() {
        var client = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate(DataRetentionView.class);
        var view = _get(DataRetentionView.class);
        _setValue(view.holdCode, client.code());
        _click(view.placeHold);
        assertThat(view.holdReason.isInvalid()).isTrue();
        assertThat(view.holdCode.getValue()).as("typed text survives").isEqualTo(client.code());
        _setValue(view.holdReason, "Court case (fictional)");
        _click(view.placeHold);
        var row = view.holds
                .getGenericDataView()
                .getItems()
                .map(h -> h.clientCode())
                .toList()
                .indexOf(client.code());
        assertThat(row).isNotNegative();
        _click((Button) GridKt._getCellComponent(view.holds, row, "release"));
        var dialog = view.releaseDialog;
        assertThat(dialog).isNotNull();
        _click(dialog.confirm);
        assertThat(dialog.reason.isInvalid()).isTrue();
        _setValue(dialog.reason, "Case concluded (fictional)");
        _click(dialog.confirm);
        assertThat(view.holds.getGenericDataView().getItems())
                .noneMatch(h -> h.clientCode().equals(client.code()));
    }

    @Test
    @WithUserDetails("supervisor2")
    void supervisorLogsASubjectAccessRequestWithholdsAnItemAndProducesTheExportAfterConfirmingItIsThem() {
        var client = testClients.activeWith("counsellor3");
        UI.getCurrent().navigate(DataRequestsView.class);
        var list = _get(DataRequestsView.class);
        _setValue(list.code, client.code());
        _click(list.log);
        assertThat(list.kind.isInvalid()).isTrue();
        assertThat(list.code.getValue()).isEqualTo(client.code());
        _setValue(list.kind, RequestKind.SUBJECT_ACCESS);
        _click(list.log);

        var view = _get(DataRequestView.class);
        var items = view.items.getGenericDataView().getItems().toList();
        var name = items.stream()
                .map(ReviewItem::item)
                .filter(i -> i.key().equals("client/name"))
                .findFirst()
                .orElseThrow();
        assertThat(name.text()).isEqualTo("Test Person (fictional)");
        var row = items.stream().map(i -> i.item().key()).toList().indexOf("client/contact-notes");
        var actions = (HorizontalLayout) GridKt._getCellComponent(view.items, row, "actions");
        var best = items.stream().map(i -> i.item().key()).toList().indexOf("client/best-times");
        _click((Button) ((HorizontalLayout) GridKt._getCellComponent(view.items, best, "actions")).getComponentAt(0));
        var dialog = view.reasonDialog;
        assertThat(dialog).isNotNull();
        _setValue(dialog.reason, "Names another person (fictional)");
        _click(dialog.confirm);
        assertThat(view.items
                        .getGenericDataView()
                        .getItems()
                        .filter(i -> i.item().key().equals("client/best-times"))
                        .findFirst()
                        .orElseThrow()
                        .withheldWhole())
                .isTrue();
        assertThat(actions).isNotNull();

        _click(view.export);
        confirmItIsMe();
        var link = _get(view.download, Anchor.class);
        assertThat(link.getText())
                .startsWith("Download subject-access-" + client.code())
                .endsWith(".zip");
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorRecordsAnErasureRefusalWithItsReasonAndCorrectsADetailKeepingTheOldValue() {
        var client = testClients.activeWith("counsellor1");
        var erasure = requests.log(client.code(), RequestKind.ERASURE, LocalDate.now());
        UI.getCurrent().navigate(DataRequestView.class, erasure.toString());
        var view = _get(DataRequestView.class);
        _setValue(view.erasure, "Refuse (an exemption applies)");
        _click(view.decide);
        assertThat(view.erasureReason.isInvalid()).isTrue();
        _setValue(view.erasureReason, "Retention period runs (fictional)");
        _click(view.decide);
        assertThat(view.getElement().getTextRecursively())
                .contains("Decision: REFUSED", "Retention period runs (fictional)");

        var rectification = requests.log(client.code(), RequestKind.RECTIFICATION, LocalDate.now());
        UI.getCurrent().navigate(DataRequestView.class, rectification.toString());
        var page = _get(DataRequestView.class);
        _setValue(page.detail, PersonalDetail.POSTCODE_DISTRICT);
        _setValue(page.newValue, "not a postcode");
        _setValue(page.rectificationReason, "Moved (fictional)");
        _click(page.correct);
        assertThat(page.newValue.isInvalid()).isTrue();
        assertThat(page.newValue.getValue()).isEqualTo("not a postcode");
        _setValue(page.newValue, "LS6");
        _click(page.correct);
        assertThat(page.history.getGenericDataView().getItems()).singleElement().satisfies(r -> {
            assertThat(r.detail()).isEqualTo(PersonalDetail.POSTCODE_DISTRICT);
            assertThat(r.oldValue()).isEqualTo("ZZ9");
        });
        assertThat(clients.open(client.code()).postcodeDistrict()).isEqualTo("LS6");
    }

    @Test
    @WithUserDetails("supervisor2")
    void aRequestOfAnotherTeamsClientOrAMalformedIdIsRefusedTheSameWay() {
        var client = testClients.activeWith("counsellor1");
        var theirs = runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.ERASURE, LocalDate.now()));
        UI.getCurrent().navigate(DataRequestView.class, theirs.toString());
        var refusal = _get(com.vaadin.flow.component.html.H1.class).getText();
        UI.getCurrent().navigate(DataRequestView.class, "not-an-id");
        assertThat(_get(com.vaadin.flow.component.html.H1.class).getText())
                .isEqualTo(refusal)
                .isEqualTo("No access");
    }
}
