package org.casebook.supervision.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.casebook.security.ui.LoginView;
import org.casebook.supervision.SupervisionRecordDraft;
import org.casebook.supervision.SupervisionRecordSummary;
import org.casebook.supervision.SupervisionRecords;
import org.casebook.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class SupervisionRecordsViewTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Autowired
    SupervisionRecords records;

    @Autowired
    RunAsStaff runAs;

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(SupervisionRecordsView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(SupervisionRecordsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorWritesARecordNamingOnlyTheCounsellorsClients() {
        var mine = testClients.activeWith("counsellor1");
        var theirs = testClients.activeWith("counsellor2");
        UI.getCurrent().navigate(SupervisionRecordsView.class);
        var view = _get(SupervisionRecordsView.class);
        _click(view.newRecord);
        var form = view.form;
        _setValue(form.heldOn, LocalDate.now().minusDays(2));
        _setValue(
                form.counsellor,
                form.counsellor
                        .getListDataView()
                        .getItems()
                        .filter(c -> c.displayName().startsWith("Casey"))
                        .findFirst()
                        .orElseThrow());
        var offered = form.clients.getListDataView().getItems().toList();
        assertThat(offered).contains(mine.code()).doesNotContain(theirs.code());
        _setValue(form.clients, Set.of(mine.code()));
        _setValue(form.agreedActions, "Review the plan together (test).");
        _click(form.save);
        assertThat(form.discussion.isInvalid()).isTrue();
        assertThat(form.agreedActions.getValue()).isEqualTo("Review the plan together (test).");

        _setValue(form.discussion, "Discussed the first three sessions (test).");
        _click(form.save);
        assertThat(form.discussion.isInvalid()).isFalse();
        var listed = view.grid
                .getListDataView()
                .getItems()
                .filter(r -> r.clientCodes().contains(mine.code()))
                .toList();
        assertThat(listed)
                .singleElement()
                .extracting(SupervisionRecordSummary::counsellorName)
                .isEqualTo("Casey Counsellor (demo)");
    }

    @Test
    @WithUserDetails("supervisor")
    void aFutureDateIsRefusedAtTheDateAndTheTextStays() {
        UI.getCurrent().navigate(SupervisionRecordsView.class);
        var view = _get(SupervisionRecordsView.class);
        _click(view.newRecord);
        var form = view.form;
        _setValue(form.heldOn, LocalDate.now().plusDays(5));
        _setValue(
                form.counsellor,
                form.counsellor.getListDataView().getItems().findFirst().orElseThrow());
        _setValue(form.discussion, "Text that must survive (test).");
        _click(form.save);
        assertThat(form.heldOn.isInvalid()).isTrue();
        assertThat(form.heldOn.getErrorMessage()).contains("future");
        assertThat(form.discussion.getValue()).isEqualTo("Text that must survive (test).");
    }

    @Test
    @WithUserDetails("counsellor1")
    void theCounsellorReadsTheirRecordAndAnotherCounsellorDoesNotSeeIt() {
        var client = testClients.activeWith("counsellor1");
        var saved = runAs.as(
                "supervisor",
                () -> records.create(new SupervisionRecordDraft(
                        LocalDate.now().minusDays(1),
                        testClients.id("counsellor1"),
                        List.of(client.code()),
                        "What we discussed (test).",
                        null)));
        UI.getCurrent().navigate(SupervisionRecordsView.class);
        var view = _get(SupervisionRecordsView.class);
        assertThat(view.form).isNull();
        assertThat(view.newRecord.isAttached()).isFalse();
        var summary = view.grid
                .getListDataView()
                .getItems()
                .filter(r -> r.id().equals(saved.id()))
                .findFirst()
                .orElseThrow();
        view.open(summary);
        var shown = _get(view.detail, Div.class, spec -> spec.withClasses("supervision-record"));
        assertThat(shown.getElement().getTextRecursively())
                .contains("What we discussed (test).", client.code(), "None recorded.");

        var others = runAs.as("counsellor2", () -> records.mine());
        assertThat(others).extracting(SupervisionRecordSummary::id).doesNotContain(saved.id());
    }

    @Test
    @WithUserDetails("counsellor1")
    void theCounsellorsHomeLeadsToTheirSupervisionRecords() {
        runAs.as(
                "supervisor",
                () -> records.create(new SupervisionRecordDraft(
                        LocalDate.now().minusDays(3),
                        testClients.id("counsellor1"),
                        List.of(),
                        "Workload (test).",
                        null)));
        UI.getCurrent().navigate(HomeView.class);
        var card = _get(Div.class, spec -> spec.withClasses("supervision-home"));
        assertThat(card.getElement().getTextRecursively()).contains("Read your supervision records");
    }

    @Test
    @WithUserDetails("counsellor3")
    void aCounsellorWithoutRecordsIsNotToldAboutThem() {
        UI.getCurrent().navigate(HomeView.class);
        _assertNone(Div.class, spec -> spec.withClasses("supervision-home"));
    }
}
