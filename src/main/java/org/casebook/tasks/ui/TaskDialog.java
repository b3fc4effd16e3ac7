package org.casebook.tasks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.casebook.security.StaffMember;
import org.casebook.tasks.NewTask;
import org.casebook.tasks.TaskService;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;

/** Adds a task for oneself or a colleague; a refusal is shown at its field and what was typed stays. */
class TaskDialog extends Dialog {

    final TextField title = new TextField("What is to be done");
    final DatePicker due = new DatePicker("Due");
    final ComboBox<StaffMember> assignee = new ComboBox<>("For");
    final TextField client = new TextField("Client code (optional)");
    final Button save = new Button("Add task");

    TaskDialog(TaskService tasks, CharityClock charity, @Nullable String clientCode, Runnable onSaved) {
        setHeaderTitle("New task");
        addClassName("task-dialog");
        setWidth("min(32rem, 95vw)");
        FieldMessages.limit(title, Text.LINE);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        FieldMessages.limit(due, DateRange.PLANNING, charity.today());
        due.setValue(charity.today());
        due.setRequiredIndicatorVisible(true);
        var people = tasks.assignable();
        assignee.setItems(people);
        assignee.setItemLabelGenerator(StaffMember::displayName);
        if (!people.isEmpty()) {
            assignee.setValue(people.getFirst());
        }
        if (clientCode != null) {
            client.setValue(clientCode);
            client.setReadOnly(true);
        }
        var form = new FormLayout(title, due, assignee, client);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            FieldMessages.clear(title, due, assignee, client);
            if (assignee.getValue() == null) {
                assignee.setErrorMessage(TaskService.NOT_A_COLLEAGUE);
                assignee.setInvalid(true);
                return;
            }
            try {
                tasks.create(new NewTask(
                        title.getValue(),
                        due.getValue(),
                        assignee.getValue().id(),
                        client.getValue().isBlank() ? null : client.getValue()));
            } catch (InvalidFields invalid) {
                FieldMessages.show(invalid, Map.of("title", title, "due", due, "assignee", assignee, "client", client));
                return;
            } catch (org.casebook.client.ClientAccessDenied denied) {
                client.setErrorMessage(denied.getMessage());
                client.setInvalid(true);
                return;
            }
            Notification.show("Task added for " + assignee.getValue().displayName() + ".");
            close();
            onSaved.run();
        });
        var cancel = new Button("Cancel", click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }
}
