package org.casebook.riskplan.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.casebook.KaribuTest;
import org.casebook.client.RiskLevel;
import org.casebook.client.TestClients;
import org.casebook.riskplan.AgreedAction;
import org.casebook.riskplan.PlanContent;
import org.casebook.riskplan.PlanSave;
import org.casebook.riskplan.PlanService;
import org.casebook.riskplan.RiskArea;
import org.casebook.security.RunAsStaff;
import org.casebook.security.TestCodes;
import org.casebook.security.ui.LoginView;
import org.casebook.ui.ChartView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

class PlanViewTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Autowired
    PlanService plans;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clearSignInState() {
        jdbc.update(
                "update staff_account set totp_last_step = null, failed_attempts = 0, failed_codes = 0, locked_until = null");
    }

    private PlanView open(String code) {
        UI.getCurrent().navigate(PlanView.class, code);
        return _get(PlanView.class);
    }

    private void firstVersion(String code) {
        runAs.as(
                "counsellor1",
                () -> plans.save(new PlanSave(
                        code,
                        0,
                        new PlanContent(
                                "Keep my job",
                                "Evenings alone",
                                "Staying up late",
                                "Ring my brother",
                                "Work",
                                "Brother",
                                null,
                                List.of(new AgreedAction("Move the laptop", "Client", null, false))),
                        RiskLevel.LOW,
                        RiskLevel.MEDIUM,
                        "First assessment",
                        null)));
    }

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(PlanView.class, "ABC-DEF");
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(PlanView.class, "ABC-DEF"))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void anotherCounsellorsClientsPlanIsRefused() {
        var theirs = testClients.activeWith("counsellor2");
        open(theirs.code());
        _get(H1.class, spec -> spec.withText("No access"));
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorWritesEverySectionAndAnActionAndSavesTheFirstVersion() {
        var client = testClients.activeWith("counsellor1");
        var view = open(client.code());
        assertThat(view.currentInfo.getText()).contains("No plan yet");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Plan " + client.code() + " | Casebook");
        for (int i = 0; i < view.sections.size(); i++) {
            _setValue(view.sections.get(i), "Section text " + i);
        }
        _click(view.addAction);
        var row = view.actions.getFirst();
        _setValue(row.what, "Install monitoring software");
        _setValue(row.who, "Client");
        _setValue(row.byWhen, LocalDate.of(2026, 6, 1));
        _setValue(view.toOthers, RiskLevel.MEDIUM);
        _setValue(view.toSelf, RiskLevel.HIGH);

        _click(view.save);
        assertThat(view.rationale.isInvalid()).isTrue();
        assertThat(view.sections.get(3).getValue()).isEqualTo("Section text 3");

        _setValue(view.rationale, "Court date set and low mood");
        _click(view.save);
        assertThat(view.currentInfo.getText()).contains("Version 1", "Casey Counsellor (demo)");
        var saved = plans.open(client.code()).current();
        assertThat(saved.content().texts())
                .containsExactly(
                        "Section text 0",
                        "Section text 1",
                        "Section text 2",
                        "Section text 3",
                        "Section text 4",
                        "Section text 5",
                        "Section text 6");
        assertThat(saved.content().actions())
                .containsExactly(
                        new AgreedAction("Install monitoring software", "Client", LocalDate.of(2026, 6, 1), false));
        assertThat(saved.toSelf()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aConcurrentSaveIsRefusedAndTheTypedTextIsKept() {
        var client = testClients.activeWith("counsellor1");
        firstVersion(client.code());
        var view = open(client.code());
        _setValue(view.sections.getFirst(), "My careful new wording");
        runAs.as(
                "supervisor",
                () -> plans.save(new PlanSave(
                        client.code(), 1, PlanContent.empty(), RiskLevel.LOW, RiskLevel.MEDIUM, null, null)));
        _click(view.save);
        assertThat(view.conflict.isVisible()).isTrue();
        assertThat(view.conflict.getText()).contains("Someone else saved this plan");
        assertThat(view.sections.getFirst().getValue()).isEqualTo("My careful new wording");
    }

    @Test
    @WithUserDetails("counsellor1")
    void twoVersionsAreComparedSideBySideWithTheDifferencesMarked() {
        var client = testClients.activeWith("counsellor1");
        firstVersion(client.code());
        var view = open(client.code());
        _setValue(view.sections.get(3), "Ring my brother or the <b>helpline</b>");
        view.actions.getFirst().done.setValue(true);
        _click(view.save);
        assertThat(view.currentInfo.getText()).contains("Version 2");

        assertThat(view.compareLeft.getValue()).isEqualTo(1);
        assertThat(view.compareRight.getValue()).isEqualTo(2);
        _click(view.compare);
        var added = _find(view.comparison, Span.class, spec -> spec.withClasses("diff-added"));
        assertThat(added).extracting(Span::getText).contains(" or the <b>helpline</b>");
        // Plain text, never markup: the angle brackets stay text, with no element made of them.
        assertThat(added)
                .allSatisfy(span ->
                        assertThat(span.getElement().getChildren()).allMatch(com.vaadin.flow.dom.Element::isTextNode));
        assertThat(view.comparison.getElement().getTextRecursively()).contains("Goals for a good life (unchanged)");
        // Saving again from the same page makes exactly one more version.
        _setValue(view.sections.getFirst(), "Keep my job and my flat");
        _click(view.save);
        assertThat(plans.open(client.code()).versions()).hasSize(3);
        assertThat(view.versions.getColumns()).hasSize(4);
    }

    @Test
    @WithUserDetails("counsellor1")
    void theReviewFormRecordsEveryAreaAndTheTrendShowsArrows() {
        var client = testClients.activeWith("counsellor1");
        firstVersion(client.code());
        var view = open(client.code());
        _click(view.saveReview);
        assertThat(view.reviewScores.get(RiskArea.SOCIAL_INFLUENCES).isInvalid())
                .isTrue();
        for (var area : RiskArea.values()) {
            _setValue(view.reviewScores.get(area), 2);
        }
        _setValue(view.reviewComments.get(RiskArea.COOPERATION), "Misses sessions");
        _click(view.saveReview);
        for (var area : RiskArea.values()) {
            _setValue(view.reviewScores.get(area), area == RiskArea.COOPERATION ? 2 : 1);
        }
        _click(view.saveReview);
        assertThat(plans.open(client.code()).reviews()).hasSize(2);
        var trend = view.trend.getElement().getTextRecursively();
        assertThat(trend).contains("Social influences", "1 ↓", "2 →", "10", "6");
        var chart = _get(view.trend, ChartView.class, spec -> spec.withClasses("risk-trend-chart"))
                .spec();
        assertThat(chart.datasets()).hasSize(RiskArea.values().length);
        assertThat(chart.datasets())
                .extracting(series ->
                        series.data().stream().mapToInt(Number::intValue).sum())
                .containsExactly(3, 3, 3, 3, 4);
        assertThat(chart.stacked()).isTrue();
    }

    @Test
    @WithUserDetails("counsellor1")
    void aTriggerDateIsAddedAndListed() {
        var client = testClients.activeWith("counsellor1");
        var view = open(client.code());
        _click(view.addTrigger);
        assertThat(view.triggerKind.isInvalid()).isTrue();
        _setValue(view.triggerKind, org.casebook.riskplan.TriggerKind.SENTENCING);
        _setValue(view.triggerDate, LocalDate.of(2026, 9, 14));
        _click(view.addTrigger);
        assertThat(view.triggerList.getElement().getTextRecursively()).contains("Sep 2026", "Sentencing");
    }

    @Test
    @WithUserDetails("counsellor1")
    void thePlanIsExportedAsAPdfAfterConfirmingItIsYou() throws Exception {
        var client = testClients.activeWith("counsellor1");
        firstVersion(client.code());
        var view = open(client.code());
        _click(view.exportPdf);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Your password")), "casebook-demo-2026");
        _setValue(
                _get(TextField.class, spec -> spec.withLabel("Code from your authenticator app")),
                TestCodes.code(TestCodes.DEMO_SECRET, Instant.now()));
        _click(_get(Button.class, spec -> spec.withText("Confirm")));

        assertThat(view.lastPdf).isNotNull();
        var link = _get(view.download, Anchor.class);
        assertThat(link.getText()).isEqualTo("Download plan-" + client.code() + ".pdf");
        var reader = new PdfReader(view.lastPdf);
        var text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains("My risk-minimisation plan", "Keep my job", "Ring my brother", "Move the laptop");
    }
}
