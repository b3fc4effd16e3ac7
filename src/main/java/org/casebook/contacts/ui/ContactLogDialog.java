package org.casebook.contacts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.casebook.contacts.ContactKind;
import org.casebook.contacts.ContactService;
import org.casebook.contacts.Direction;
import org.casebook.contacts.NewLogEntry;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;

/** Logs a call, text, email, letter or missed contact for a client; refusals at their fields. */
class ContactLogDialog extends Dialog {

    final DateTimePicker at = new DateTimePicker("When");
    final Select<ContactKind> kind = new Select<>();
    final Select<Direction> direction = new Select<>();
    final TextField who = new TextField("With whom");
    final TextArea summary = new TextArea("Short summary");
    final Button save = new Button("Log contact");

    ContactLogDialog(ContactService contacts, CharityClock charity, String clientCode, Runnable onSaved) {
        setHeaderTitle("Log a contact for " + clientCode);
        addClassName("contact-log-dialog");
        setWidth("min(34rem, 95vw)");
        at.setValue(charity.localNow().truncatedTo(ChronoUnit.MINUTES));
        at.setMax(charity.localNow().plusMinutes(1));
        kind.setLabel("How");
        kind.setItems(ContactKind.values());
        kind.setItemLabelGenerator(ContactKind::label);
        kind.setValue(ContactKind.CALL);
        direction.setLabel("Direction");
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(Direction::label);
        direction.setValue(Direction.OUTGOING);
        who.setPlaceholder("e.g. the client, probation officer");
        FieldMessages.limit(who, Text.NAME);
        FieldMessages.limit(summary, Text.REASON);
        summary.setWidthFull();
        var form = new FormLayout(at, kind, direction, who, summary);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            FieldMessages.clear(at, kind, direction, who, summary);
            try {
                contacts.log(
                        clientCode,
                        new NewLogEntry(
                                at.getValue(),
                                kind.getValue(),
                                direction.getValue(),
                                who.getValue(),
                                summary.getValue()));
            } catch (InvalidFields invalid) {
                FieldMessages.show(
                        invalid,
                        Map.of("at", at, "kind", kind, "direction", direction, "who", who, "summary", summary));
                return;
            }
            Notification.show("Contact logged.");
            close();
            onSaved.run();
        });
        var cancel = new Button("Cancel", click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }
}
