package org.casebook.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.casebook.security.Role;
import org.casebook.security.StaffUser;
import org.casebook.session.AppointmentService;
import org.casebook.session.OverdueNote;
import org.casebook.session.SessionNoteService;
import org.casebook.ui.HomeSection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the session module adds to the home view: overdue notes (one's own, one's team's) and coming appointments. */
@Configuration(proxyBeanMethods = false)
class SessionHomeSections {

    static final int UPCOMING = 10;

    @Bean
    HomeSection overdueNotesHomeSection(SessionNoteService notes, @Value("${casebook.time-zone}") ZoneId zone) {
        return new HomeSection() {
            @Override
            public int order() {
                return 20;
            }

            @Override
            public Optional<Component> create(StaffUser user) {
                if (!user.hasRole(Role.COUNSELLOR) && !user.hasRole(Role.SUPERVISOR)) {
                    return Optional.empty();
                }
                var mine = notes.myOverdue();
                var team = user.hasRole(Role.SUPERVISOR) ? notes.teamOverdue() : List.<OverdueNote>of();
                if (mine.isEmpty() && team.isEmpty()) {
                    return Optional.empty();
                }
                var card = new Div();
                card.addClassNames("role-card", "overdue-notes");
                if (!mine.isEmpty()) {
                    card.add(
                            new H2("Your notes overdue for signing"),
                            new Paragraph("Notes are signed within 72 hours of the session." + oldestOnly(mine)),
                            list(mine, false, zone));
                }
                if (!team.isEmpty()) {
                    var list = list(team, true, zone);
                    list.addClassName("team-overdue");
                    card.add(new H2("Your team's notes overdue for signing"));
                    if (!oldestOnly(team).isEmpty()) {
                        card.add(new Paragraph(oldestOnly(team).strip()));
                    }
                    card.add(list);
                }
                return Optional.of(card);
            }
        };
    }

    @Bean
    HomeSection coSignQueueHomeSection(SessionNoteService notes, @Value("${casebook.time-zone}") ZoneId zone) {
        return new HomeSection() {
            @Override
            public int order() {
                return 25;
            }

            @Override
            public Optional<Component> create(StaffUser user) {
                return user.hasRole(Role.SUPERVISOR)
                        ? Optional.of(new CoSignQueue(notes.toCoSign(), zone))
                        : Optional.empty();
            }
        };
    }

    @Bean
    HomeSection upcomingAppointmentsHomeSection(
            AppointmentService appointments, @Value("${casebook.time-zone}") ZoneId zone) {
        return new HomeSection() {
            @Override
            public int order() {
                return 30;
            }

            @Override
            public Optional<Component> create(StaffUser user) {
                if (!user.hasRole(Role.COUNSELLOR) && !user.hasRole(Role.SUPERVISOR)) {
                    return Optional.empty();
                }
                var coming = appointments.myUpcoming(UPCOMING);
                if (coming.isEmpty() && !user.hasRole(Role.COUNSELLOR)) {
                    return Optional.empty();
                }
                var card = new Div(new H2("Your coming appointments"));
                card.addClassNames("role-card", "upcoming-appointments");
                if (coming.isEmpty()) {
                    card.add(new Paragraph("No appointments booked."));
                    return Optional.of(card);
                }
                var list = new UnorderedList();
                for (var row : coming) {
                    list.add(new ListItem(
                            new Anchor("sessions/" + row.clientCode(), row.clientCode()),
                            new Span(": " + Formats.SHORT.format(row.startsAt().atZone(zone)) + ", "
                                    + row.modality().label() + (row.location() == null ? "" : ", " + row.location()))));
                }
                card.add(list);
                return Optional.of(card);
            }
        };
    }

    private static UnorderedList list(List<OverdueNote> overdue, boolean withCounsellor, ZoneId zone) {
        var list = new UnorderedList();
        for (var note : overdue) {
            list.add(new ListItem(
                    new Anchor("note/" + note.appointmentId(), note.clientCode()),
                    new Span(": session "
                            + Formats.SHORT.format(note.appointmentAt().atZone(zone))
                            + (withCounsellor ? " (" + note.counsellor() + ")" : ""))));
        }
        return list;
    }

    /** Said when a list is full: it shows the oldest, and more follow as these are signed. */
    static String oldestOnly(List<OverdueNote> notes) {
        return notes.size() >= SessionNoteService.OVERDUE_LIST
                ? " The " + SessionNoteService.OVERDUE_LIST + " oldest are shown; more appear as these are signed."
                : "";
    }
}
