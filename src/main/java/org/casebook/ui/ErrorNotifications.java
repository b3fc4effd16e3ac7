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
 * The one error notification: every failure that reaches Vaadin from a click, a typed value or a
 * background update (a view catches only what it can explain at the field) ends here, in every
 * session. The person reads plain words and a reference; the log gets the same reference.
 * Nothing on the screen is cleared, so what they typed stays.
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
        var incident = incidents.record(failure);
        var ui = event.getComponent().flatMap(Component::getUI).orElseGet(UI::getCurrent);
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
