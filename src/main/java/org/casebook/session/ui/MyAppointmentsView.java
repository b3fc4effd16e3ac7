package org.casebook.session.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import org.casebook.security.Roles;
import org.casebook.session.AppointmentService;
import org.casebook.session.SessionNoteService;
import org.springframework.beans.factory.annotation.Value;

/** "Appointments": the signed-in counsellor's coming appointments and their notes awaiting signature. */
@Route("appointments")
@PageTitle("Appointments | Casebook")
@Menu(order = 15, title = "Appointments", icon = "vaadin:calendar-clock")
@RolesAllowed(Roles.COUNSELLOR)
public class MyAppointmentsView extends VerticalLayout {

    static final int SHOWN = 100;

    final UnorderedList upcoming = new UnorderedList();
    final UnorderedList overdue = new UnorderedList();

    MyAppointmentsView(
            AppointmentService appointments, SessionNoteService notes, @Value("${casebook.time-zone}") ZoneId zone) {
        addClassName("my-appointments-view");
        add(new H1("Appointments"));
        var coming = appointments.myUpcoming(SHOWN);
        add(new H2("Coming up"));
        if (coming.isEmpty()) {
            add(new Paragraph("No appointments booked. Book one from a client's sessions page."));
        }
        for (var row : coming) {
            upcoming.add(new ListItem(
                    new Anchor("sessions/" + row.clientCode(), row.clientCode()),
                    new Span(": " + Formats.WHEN.format(row.startsAt().atZone(zone)) + " (" + row.minutes() + " min, "
                            + row.modality().label() + (row.location() == null ? "" : ", " + row.location()) + ")")));
        }
        add(upcoming);
        var late = notes.myOverdue();
        add(new H2("Notes overdue for signing"));
        if (late.isEmpty()) {
            add(new Paragraph("None: every note is signed within 72 hours."));
        }
        for (var note : late) {
            overdue.add(new ListItem(
                    new Anchor("note/" + note.appointmentId(), note.clientCode()),
                    new Span(": session "
                            + Formats.WHEN.format(note.appointmentAt().atZone(zone)))));
        }
        add(overdue);
    }
}
