package org.casebook.dataprotection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.function.Consumer;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;

/**
 * Asks for a reason (and, when asked for, a passage) before a step that must be explained: releasing a legal
 * hold, withholding or releasing part of a subject access export. The step runs in the service; a refusal is
 * shown at its field and what was typed stays.
 */
class ReasonDialog extends Dialog {

    /** What the step receives: the passage (empty when the dialog has none) and the reason. */
    interface Step {
        void run(String passage, String reason);
    }

    final TextArea passage =
            new TextArea("Passage to withhold (copy it exactly; leave empty to withhold the whole item)");
    final TextArea reason = new TextArea("Reason");
    final Button confirm;
    final Button cancel = new Button("Cancel");

    ReasonDialog(
            String title,
            String explanation,
            String confirmText,
            boolean withPassage,
            Step step,
            Consumer<ReasonDialog> done) {
        setHeaderTitle(title);
        confirm = new Button(confirmText);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reason.setWidthFull();
        passage.setWidthFull();
        FieldMessages.limit(reason, Text.LINE);
        add(new Paragraph(explanation));
        if (withPassage) {
            add(passage);
        }
        add(reason);
        confirm.addClickListener(click -> {
            FieldMessages.clear(reason, passage);
            try {
                step.run(passage.getValue(), reason.getValue());
            } catch (InvalidFields invalid) {
                FieldMessages.show(invalid, Map.of("reason", reason, "passage", passage));
                return;
            }
            close();
            done.accept(this);
        });
        cancel.addClickListener(click -> close());
        getFooter().add(cancel, confirm);
        setWidth("36rem");
    }
}
