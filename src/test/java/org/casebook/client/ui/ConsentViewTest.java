package org.casebook.client.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.casebook.KaribuTest;
import org.casebook.client.HowGiven;
import org.casebook.client.ShareRecipient;
import org.casebook.client.TestClients;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class ConsentViewTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(ConsentView.class, "ABC-DEF");
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(ConsentView.class, "ABC-DEF"))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor2")
    void anotherCounsellorsClientIsRefused() {
        var theirs = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate(ConsentView.class, theirs.code());
        _get(H1.class, spec -> spec.withText("No access"));
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorRecordsTheAgreementAndAConsentToShareAndTheClientPageShowsThem() {
        var mine = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate(ConsentView.class, mine.code());
        var view = _get(ConsentView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Consent " + mine.code() + " | Casebook");
        assertThat(view.version.getValue()).isNotNull();
        _click(view.recordAgreement);
        assertThat(view.message.getText()).contains("how the agreement was given");
        _setValue(view.how, HowGiven.IN_PERSON);
        _click(view.recordAgreement);
        assertThat(view.content.getElement().getTextRecursively())
                .contains("Version " + view.version.getValue().label());

        _setValue(view.recipient, ShareRecipient.GP);
        _setValue(view.named, "Dr Example, Example surgery (fictional)");
        _click(view.addConsent);
        assertThat(view.content.getElement().getTextRecursively())
                .contains("GP: Dr Example, Example surgery (fictional)");

        UI.getCurrent().navigate(ClientView.class, mine.code());
        var consent = _get(VerticalLayout.class, spec -> spec.withClasses("consent-summary"));
        assertThat(consent.getElement().getTextRecursively()).contains("agreed", "in person", "GP: Dr Example");
        var history = _get(VerticalLayout.class, spec -> spec.withClasses("case-history"));
        assertThat(history.getElement().getTextRecursively())
                .contains("Referral received", "Assigned to Casey Counsellor (demo)", "Moved to active");
        var page = _get(ClientView.class);
        assertThat(page.content.getChildren().skip(2).findFirst().orElseThrow().getClassNames())
                .contains("safe-contact");
    }
}
