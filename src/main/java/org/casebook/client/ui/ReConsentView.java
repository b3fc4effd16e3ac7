package org.casebook.client.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.casebook.client.ConsentRecords.ReConsentDue;
import org.casebook.client.ConsentService;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;

/**
 * Clients whose last limits-of-confidentiality agreement is on an older version of the text, for their
 * counsellor or supervisor to take through the new one; and, for supervisors, the published versions and
 * a way to publish the next.
 */
@Route("re-consent")
@PageTitle("Re-consent | Casebook")
@Menu(order = 22, title = "Re-consent", icon = "vaadin:file-text-o")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ReConsentView extends VerticalLayout {

    final Grid<ReConsentDue> due = new Grid<>();
    final TextField label = new TextField("Version label");
    final TextArea text = new TextArea("Agreement text");
    final Button publish = new Button("Publish this version");
    final Div message = new Div();

    private final ConsentService consent;
    private final CharityClock charity;
    private final UnorderedList versions = new UnorderedList();

    ReConsentView(ConsentService consent, CurrentUser currentUser, CharityClock charity) {
        this.consent = consent;
        this.charity = charity;
        addClassName("re-consent-view");
        add(new H1("Re-consent"));
        add(new Paragraph("Open clients whose limits-of-confidentiality agreement is on an older version than the one "
                + "now published. Take them through the new version and record it on their consent page."));
        due.addComponentColumn(row -> new Anchor("consent/" + row.code(), row.code()))
                .setHeader("Client")
                .setAutoWidth(true);
        due.addColumn(row -> row.status().label()).setHeader("Status").setAutoWidth(true);
        due.addColumn(ReConsentDue::versionAgreed).setHeader("Version agreed").setAutoWidth(true);
        due.addColumn(row -> CaseloadView.DAY.format(row.agreedOn()))
                .setHeader("Agreed on")
                .setAutoWidth(true);
        due.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        due.setEmptyStateText("Every client is on the latest version.");
        due.setAllRowsVisible(true);
        add(due);
        if (currentUser.require().hasRole(Role.SUPERVISOR)) {
            add(new H2("Published versions"), versions);
            label.setMaxLength(40);
            label.setHelperText("Such as 2026-2");
            text.setWidthFull();
            text.setMinHeight("12em");
            FieldMessages.limit(text, 8000);
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.addClickListener(c -> publish());
            message.addClassName("form-error");
            message.setVisible(false);
            add(
                    new H2("Publish a new version"),
                    new Paragraph("Publishing lists every client on an older version here "
                            + "for re-consent. A published version is never changed."),
                    label,
                    text,
                    message,
                    publish);
        }
        refresh();
    }

    private void refresh() {
        due.setItems(consent.needingReConsent());
        versions.removeAll();
        consent.versions()
                .forEach(v -> versions.add(
                        new ListItem(v.label() + ", published " + CaseloadView.DAY.format(v.publishedOn()))));
    }

    private void publish() {
        try {
            consent.publishVersion(label.getValue(), text.getValue(), charity.today());
        } catch (InvalidFields refused) {
            message.setText(refused.getMessage());
            message.setVisible(true);
            return;
        }
        message.setVisible(false);
        label.clear();
        text.clear();
        refresh();
    }
}
