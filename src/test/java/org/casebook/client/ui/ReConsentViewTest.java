package org.casebook.client.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import org.casebook.KaribuTest;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

class ReConsentViewTest extends KaribuTest {

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(ReConsentView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(ReConsentView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorSeesTheirClientsOnAnOlderVersionButCannotPublish() {
        UI.getCurrent().navigate(ReConsentView.class);
        var view = _get(ReConsentView.class);
        // The demo data puts two of counsellor1's clients on the 2025-1 text.
        assertThat(view.due.getListDataView().getItems().toList())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.versionAgreed()).isNotEqualTo("2026-1"));
        assertThat(view.publish.isAttached()).isFalse();
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorPublishesANewVersionWithMessagesForBadInput() {
        UI.getCurrent().navigate(ReConsentView.class);
        var view = _get(ReConsentView.class);
        _setValue(view.label, "too-short-text");
        _setValue(view.text, "Short.");
        _click(view.publish);
        assertThat(view.message.getText()).contains("between 50 and");
        assertThat(view.label.getValue()).isEqualTo("too-short-text");
    }
}
