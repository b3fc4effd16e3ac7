package org.casebook.contacts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.client.ui.ClientView;
import org.casebook.contacts.ContactRole;
import org.casebook.contacts.ContactService;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class ContactsViewTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Test
    void aSignedOutVisitorLandsOnTheLoginPage() {
        UI.getCurrent().navigate(ContactsView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(ContactsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aCounsellorAddsAContactToTheDirectoryWithMessagesAtTheFields() {
        UI.getCurrent().navigate(ContactsView.class);
        var view = _get(ContactsView.class);
        _click(view.add);
        var dialog = _get(ContactDialog.class);
        dialog.name.setValue("Sam Solicitor (fictional)");
        _click(dialog.save);
        assertThat(dialog.role.isInvalid()).isTrue();
        assertThat(dialog.phone.getErrorMessage()).isEqualTo(ContactService.HOW_NEEDED);
        assertThat(dialog.name.getValue()).isEqualTo("Sam Solicitor (fictional)");
        dialog.role.setValue(ContactRole.SOLICITOR);
        dialog.email.setValue("sam@example.invalid");
        _click(dialog.save);
        assertThat(view.grid.getListDataView().getItems().toList())
                .anyMatch(r -> r.name().equals("Sam Solicitor (fictional)"));
    }

    @Test
    @WithUserDetails("counsellor1")
    void theClientPageLinksAContactAndLogsOne() {
        var client = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate(ClientView.class, client.code());
        _click(_get(Button.class, spec -> spec.withText("Link a contact")));
        var link = _get(LinkContactDialog.class);
        _click(link.newContact);
        var add = _get(ContactDialog.class);
        add.role.setValue(ContactRole.GP);
        add.name.setValue("Dr Gale (fictional)");
        add.phone.setValue("01632 960001");
        _click(add.save);
        assertThat(link.contact.getValue().name()).isEqualTo("Dr Gale (fictional)");
        _click(link.save);
        assertThat(link.relationship.isInvalid()).isTrue();
        link.relationship.setValue("GP");
        _click(link.save);
        assertThat(_get(VerticalLayout.class, spec -> spec.withClasses("client-contacts"))
                        .getElement()
                        .getTextRecursively())
                .contains("Dr Gale (fictional) (GP)", "01632 960001");

        _click(_get(Button.class, spec -> spec.withText("Log a contact")));
        var log = _get(ContactLogDialog.class);
        log.who.setValue("Dr Gale");
        _click(log.save);
        assertThat(log.summary.isInvalid()).isTrue();
        assertThat(log.who.getValue()).isEqualTo("Dr Gale");
        log.summary.setValue("Asked for the medication review letter (test).");
        _click(log.save);
        assertThat(_get(VerticalLayout.class, spec -> spec.withClasses("contact-log"))
                        .getElement()
                        .getTextRecursively())
                .contains("Phone call (out) with Dr Gale: Asked for the medication review letter");
    }
}
