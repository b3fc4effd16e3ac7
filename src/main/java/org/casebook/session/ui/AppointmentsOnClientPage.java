package org.casebook.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.time.ZoneId;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientPageSection;
import org.casebook.session.AppointmentService;
import org.springframework.beans.factory.annotation.Value;

/** The client page's "Sessions" card: coming appointments and the way to all sessions and notes. */
@org.springframework.stereotype.Component
class AppointmentsOnClientPage implements ClientPageSection {

    private final AppointmentService appointments;
    private final Clock clock;
    private final ZoneId zone;

    AppointmentsOnClientPage(
            AppointmentService appointments, Clock clock, @Value("${casebook.time-zone}") ZoneId zone) {
        this.appointments = appointments;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(ClientAccess access) {
        var card = new VerticalLayout(new H2("Sessions"));
        card.addClassNames("card", "client-sessions");
        card.setSpacing(false);
        var now = clock.instant();
        var coming = appointments.ofClient(access.code()).stream()
                .filter(a -> a.outcome() == null && a.endsAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(org.casebook.session.AppointmentRow::startsAt))
                .toList();
        if (coming.isEmpty()) {
            card.add(new Paragraph("No appointments booked."));
        } else {
            var list = new UnorderedList();
            coming.forEach(a -> list.add(new ListItem(Formats.WHEN.format(
                            a.startsAt().atZone(zone)) + " (" + a.modality().label() + ")")));
            card.add(list);
        }
        card.add(new Anchor("sessions/" + access.code(), "Appointments, notes and CORE-10"));
        return card;
    }
}
