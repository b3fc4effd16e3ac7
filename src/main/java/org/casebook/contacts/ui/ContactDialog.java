package org.casebook.contacts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.casebook.contacts.ContactRole;
import org.casebook.contacts.ContactRow;
import org.casebook.contacts.ContactService;
import org.casebook.contacts.NewContact;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;

/** Adds a third party to the directory; refusals at their fields, typed text kept. */
class ContactDialog extends Dialog {

    final Select<ContactRole> role = new Select<>();
    final TextField name = new TextField("Name");
    final TextField organisation = new TextField("Organisation");
    final TextField phone = new TextField("Phone");
    final TextField email = new TextField("Email");
    final Button save = new Button("Add to directory");

    ContactDialog(ContactService contacts, Consumer<ContactRow> onSaved) {
        setHeaderTitle("New contact");
        addClassName("contact-dialog");
        setWidth("min(32rem, 95vw)");
        role.setLabel("Role");
        role.setItems(ContactRole.values());
        role.setItemLabelGenerator(ContactRole::label);
        FieldMessages.limit(name, Text.NAME);
        FieldMessages.limit(organisation, Text.LINE);
        FieldMessages.limit(email, Text.LINE);
        phone.setMaxLength(30);
        var form = new FormLayout(role, name, organisation, phone, email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            FieldMessages.clear(role, name, organisation, phone, email);
            try {
                var saved = contacts.add(new NewContact(
                        role.getValue(), name.getValue(), organisation.getValue(), phone.getValue(), email.getValue()));
                Notification.show(saved.name() + " added to the directory.");
                close();
                onSaved.accept(saved);
            } catch (InvalidFields invalid) {
                FieldMessages.show(
                        invalid,
                        Map.of(
                                "role",
                                role,
                                "name",
                                name,
                                "organisation",
                                organisation,
                                "phone",
                                phone,
                                "email",
                                email));
            }
        });
        var cancel = new Button("Cancel", click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }
}
