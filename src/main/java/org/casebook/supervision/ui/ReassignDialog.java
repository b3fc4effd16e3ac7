package org.casebook.supervision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.casebook.security.StaffMember;
import org.casebook.supervision.TeamDashboard;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;

/**
 * Moves a client to another counsellor of the team, with a reason. Counsellors excluded from the client
 * are never offered. A refusal is shown at its field, and the reason typed stays.
 */
class ReassignDialog extends Dialog {

    final ComboBox<StaffMember> counsellor = new ComboBox<>("New counsellor");
    final TextArea reason = new TextArea("Reason");
    final Button reassign = new Button("Reassign");

    ReassignDialog(
            TeamDashboard dashboard,
            java.util.Map<Long, String> factsByCounsellor,
            String clientCode,
            Runnable onReassigned) {
        setHeaderTitle("Reassign " + clientCode);
        addClassName("reassign-dialog");
        setWidth("min(32rem, 95vw)");
        var candidates = dashboard.reassignmentCandidates(clientCode);
        counsellor.setItems(candidates);
        // The same facts as assigning from the waiting list: open caseload and postcode area.
        counsellor.setItemLabelGenerator(m -> m.displayName()
                + (factsByCounsellor.containsKey(m.id()) ? " (" + factsByCounsellor.get(m.id()) + ")" : ""));
        counsellor.setRequiredIndicatorVisible(true);
        counsellor.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText("Recorded in the audit log. The new counsellor gains access; the present one loses it.");
        FieldMessages.limit(reason, 300);
        reason.setWidthFull();
        var form = new FormLayout(counsellor, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        if (candidates.isEmpty()) {
            add(new Paragraph("No other counsellor of your team may take this client."));
            reassign.setEnabled(false);
        }
        add(form);
        reassign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reassign.addClickListener(click -> {
            counsellor.setInvalid(false);
            reason.setInvalid(false);
            if (counsellor.getValue() == null) {
                counsellor.setErrorMessage("Choose the new counsellor.");
                counsellor.setInvalid(true);
                return;
            }
            try {
                dashboard.reassign(clientCode, counsellor.getValue().id(), reason.getValue());
            } catch (InvalidFields refused) {
                FieldMessages.show(refused, Map.of("counsellor", counsellor, "reason", reason));
                return;
            }
            org.casebook.ui.Feedback.done(
                    clientCode + " reassigned to " + counsellor.getValue().displayName());
            close();
            onReassigned.run();
        });
        var cancel = new Button("Cancel", click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, reassign);
    }
}
