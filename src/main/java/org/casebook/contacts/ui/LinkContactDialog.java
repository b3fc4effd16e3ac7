package org.casebook.contacts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.casebook.contacts.ContactRow;
import org.casebook.contacts.ContactService;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;

/** Links a directory entry (or a new one, added on the way) to a client, with the relationship. */
class LinkContactDialog extends Dialog {

    final ComboBox<ContactRow> contact = new ComboBox<>("Contact");
    final TextField relationship = new TextField("What they are to the client");
    final Button newContact = new Button("New contact");
    final Button save = new Button("Link");

    LinkContactDialog(ContactService contacts, String clientCode, Runnable onSaved) {
        setHeaderTitle("Link a contact to " + clientCode);
        addClassName("link-contact-dialog");
        setWidth("min(32rem, 95vw)");
        contact.setItems(contacts.directory());
        contact.setItemLabelGenerator(ContactRow::label);
        contact.setWidthFull();
        relationship.setPlaceholder("e.g. offender manager, GP, defence solicitor");
        FieldMessages.limit(relationship, Text.LINE);
        relationship.setWidthFull();
        newContact.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        newContact.addClickListener(click -> new ContactDialog(contacts, saved -> {
                    contact.setItems(contacts.directory());
                    contact.getListDataView()
                            .getItems()
                            .filter(r -> r.id().equals(saved.id()))
                            .findFirst()
                            .ifPresent(contact::setValue);
                })
                .open());
        var form = new FormLayout(contact, newContact, relationship);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            FieldMessages.clear(contact, relationship);
            try {
                contacts.link(
                        clientCode,
                        contact.getValue() == null ? null : contact.getValue().id(),
                        relationship.getValue());
            } catch (InvalidFields invalid) {
                FieldMessages.show(invalid, Map.of("contact", contact, "relationship", relationship));
                return;
            }
            Notification.show(contact.getValue().name() + " linked to " + clientCode + ".");
            close();
            onSaved.run();
        });
        var cancel = new Button("Cancel", click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }
}
