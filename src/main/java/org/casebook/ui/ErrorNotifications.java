package org.casebook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * The one error handling: every failure that reaches Vaadin from a click, a typed value or a
 * background update (a view catches only what it can explain at the field) ends here, in every
 * session. Input to correct (a tampered date, an uncaught refusal) is shown at its field
 * ({@link UnreadableInput}); anything else is an incident: the person reads plain words and a reference,
 * and the log gets the same reference. Nothing on the screen is cleared, so what they typed stays.
 */
@org.springframework.stereotype.Component
class ErrorNotifications implements VaadinServiceInitListener {

    private final Incidents incidents;

    ErrorNotifications(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    void handle(ErrorEvent event) {
        var failure = event.getThrowable();
        if (clientWentAway(failure)) {
            return; // the browser closed the connection: nobody is there to tell
        }
        var ui = event.getComponent().flatMap(Component::getUI).orElseGet(UI::getCurrent);
        var correction = UnreadableInput.messageFor(failure);
        if (correction.isPresent()) {
            // Input to correct, not a fault: said at the field (or plainly), with no incident.
            if (!UnreadableInput.showAtField(event, correction.get()) && ui != null) {
                ui.access(() -> Notification.show(correction.get(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
            return;
        }
        var incident = incidents.record(failure);
        if (ui != null) {
            ui.access(() -> show(incident));
        }
    }

    static Notification show(Incident incident) {
        var notification = new Notification();
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setPosition(Notification.Position.MIDDLE);
        notification.setDuration(0); // stays until closed, so the reference can be written down
        var text = new Div(incident.notificationText());
        text.addClassName("error-notification");
        var close = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel("Close");
        notification.add(new HorizontalLayout(text, close));
        notification.open();
        return notification;
    }

    private static boolean clientWentAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            var name = t.getClass().getSimpleName();
            if (name.equals("ClientAbortException") || name.equals("EofException")) {
                return true;
            }
        }
        return false;
    }
}
