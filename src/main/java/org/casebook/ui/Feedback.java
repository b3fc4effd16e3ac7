package org.casebook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * How Casebook tells a person that something happened, and asks before what cannot be undone: one place, so
 * every save, signature and decision confirms the same way, in plain words ("Note signed").
 */
public final class Feedback {

    /** How long a confirmation stays: long enough to read, short enough not to pile up. */
    static final int SHOWN_FOR_MS = 5000;

    private Feedback() {}

    /** Confirms in plain words that something was done: "Note signed", "Concern decided: referred to police". */
    public static Notification done(String whatHappened) {
        var notification = Notification.show(whatHappened, SHOWN_FOR_MS, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
        notification.addClassName("done");
        return notification;
    }

    /**
     * Asks before an action that cannot be undone, naming the person or record and the consequence.
     *
     * @param title the question, naming the record ("Sign the note of 28 Nov 2026 for ABC-DEF?")
     * @param consequence what will follow, in a sentence ("Once signed, the note is locked ...")
     * @param action the button's words, the verb itself ("Sign", "Deactivate")
     * @param onConfirm what happens when the person confirms
     * @return the dialog, already open
     */
    public static Dialog confirm(String title, String consequence, String action, Runnable onConfirm) {
        var dialog = new Dialog();
        dialog.addClassName("confirm-dialog");
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(consequence));
        var confirm = new Button(action, click -> {
            dialog.close();
            onConfirm.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", click -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        return dialog;
    }
}
