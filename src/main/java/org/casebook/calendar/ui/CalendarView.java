package org.casebook.calendar.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.casebook.security.CurrentUser;
import org.casebook.security.Roles;
import org.casebook.session.AppointmentService;
import org.casebook.session.Attendance;
import org.casebook.session.CalendarAppointment;
import org.casebook.session.DayHours;
import org.casebook.session.OutsideWorkingHours;
import org.casebook.session.OverlapNeedsConfirmation;
import org.casebook.session.SchedulingService;
import org.casebook.time.CharityClock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;

/**
 * The counsellor's calendar at {@code /calendar}: day, week and month, each appointment by client code,
 * opening it, and drag to reschedule with the same questions the booking form asks (overlap, working hours;
 * for a series, this one or all following). A supervisor also sees their team's days side by side.
 */
@Route("calendar")
@PageTitle("Calendar | Casebook")
@Menu(order = 16, title = "Calendar", icon = "vaadin:calendar")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class CalendarView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    final AppointmentCalendar calendar = new AppointmentCalendar();
    final Button workingHours = new Button("Working hours", VaadinIcon.CLOCK.create());
    final DatePicker teamDay = new DatePicker("Day");
    final HorizontalLayout team = new HorizontalLayout();
    final List<AppointmentCalendar> teamCalendars = new ArrayList<>();

    private final SchedulingService scheduling;
    private final AppointmentService appointments;
    private final CharityClock charity;
    private final ZoneId zone;
    private final long me;
    private LocalDate from;
    private LocalDate to;
    private List<CalendarAppointment> shown = List.of();

    CalendarView(
            SchedulingService scheduling,
            AppointmentService appointments,
            CurrentUser currentUser,
            CharityClock charity,
            @Value("${casebook.time-zone}") ZoneId zone) {
        this.scheduling = scheduling;
        this.appointments = appointments;
        this.charity = charity;
        this.zone = zone;
        this.me = currentUser.require().accountId();
        addClassName("calendar-view");
        var today = charity.today();
        this.from = today.with(DayOfWeek.MONDAY);
        this.to = from.plusDays(7);
        workingHours.addClickListener(click -> new WorkingHoursDialog(scheduling, me, this::showWorkingHours).open());
        add(
                new H1("Calendar"),
                new Paragraph("Drag an appointment to move it. Click one to open it."),
                workingHours,
                calendar);
        calendar.setDate(today);
        calendar.addRangeListener(range -> {
            from = range.start();
            to = range.end();
            refresh();
        });
        calendar.addOpenListener(open -> find(open.id()).ifPresent(this::open));
        calendar.addMoveListener(move -> find(move.id()).ifPresent(a -> askScope(a, move.start())));
        showWorkingHours();
        refresh();
        var members = scheduling.team();
        if (!members.isEmpty()) {
            teamDay.setValue(today);
            teamDay.addValueChangeListener(change -> refreshTeam());
            team.addClassName("team-calendars");
            team.setWidthFull();
            for (var member : members) {
                var day = new AppointmentCalendar();
                day.setView("timeGridDay");
                day.setCompact(true);
                day.setReadOnly(true);
                day.getElement().setAttribute("data-counsellor", Long.toString(member.id()));
                day.getElement().setAttribute("aria-label", "Calendar of " + member.displayName());
                teamCalendars.add(day);
                var column = new VerticalLayout(new H3(member.displayName()), day);
                column.addClassName("team-member-calendar");
                column.setPadding(false);
                team.add(column);
            }
            add(new H2("Your team"), teamDay, team);
            refreshTeam();
        }
    }

    void refresh() {
        shown = scheduling.calendar(me, from, to);
        calendar.setEvents(shown.stream().map(this::event).toList());
    }

    private void refreshTeam() {
        var day = teamDay.getValue() == null ? charity.today() : teamDay.getValue();
        for (var cal : teamCalendars) {
            var counsellor = Long.parseLong(cal.getElement().getAttribute("data-counsellor"));
            cal.setDate(day);
            cal.setEvents(scheduling.calendar(counsellor, day, day.plusDays(1)).stream()
                    .map(this::event)
                    .toList());
        }
    }

    private void showWorkingHours() {
        calendar.setWorkingHours(
                scheduling.workingHours(me).stream().map(CalendarView::hours).toList());
    }

    static AppointmentCalendar.Hours hours(DayHours day) {
        return new AppointmentCalendar.Hours(
                List.of(day.day().getValue() % 7),
                day.from().toString(),
                day.to().toString());
    }

    private AppointmentCalendar.Event event(CalendarAppointment a) {
        var classes = new ArrayList<String>();
        if (a.outcome() != null) {
            classes.add(a.outcome().isCancellation() ? "cancelled" : "recorded");
        }
        if (a.seriesId() != null) {
            classes.add("series");
        }
        var title = a.clientCode() + " (" + a.modality().label() + ")"
                + (a.outcome() == null ? "" : ": " + a.outcome().label());
        return new AppointmentCalendar.Event(
                a.id().toString(), title, local(a.startsAt()), local(a.endsAt()), classes, a.outcome() == null);
    }

    private String local(java.time.Instant at) {
        return TIME.format(LocalDateTime.ofInstant(at, zone));
    }

    private java.util.Optional<CalendarAppointment> find(String id) {
        return shown.stream().filter(a -> a.id().toString().equals(id)).findFirst();
    }

    void open(CalendarAppointment a) {
        var dialog = new Dialog();
        dialog.addClassName("appointment-dialog");
        dialog.setHeaderTitle("Appointment with " + a.clientCode());
        dialog.add(
                new Paragraph(WHEN.format(a.startsAt().atZone(zone)) + ", "
                        + a.modality().label()
                        + (a.seriesId() == null ? "" : ", one of a series")
                        + (a.outcome() == null ? "" : ". " + a.outcome().label() + ".")),
                new Anchor("sessions/" + a.clientCode(), "Sessions and notes of " + a.clientCode()));
        var close = new Button("Close", click -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dialog.getFooter().add(close);
        if (a.outcome() == null) {
            var cancel = new Button("Cancel this appointment", click -> {
                try {
                    appointments.recordOutcome(a.id(), Attendance.CANCELLED_BY_COUNSELLOR);
                    Notification.show("Cancelled. Any other appointments of the series stay as they are.");
                } catch (IllegalStateException | AccessDeniedException refused) {
                    error(refused.getMessage());
                }
                dialog.close();
                refresh();
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            dialog.getFooter().add(cancel);
        }
        dialog.open();
    }

    /** For an appointment of a series, asks whether the later ones move too; then moves. */
    void askScope(CalendarAppointment a, LocalDateTime start) {
        if (a.seriesId() == null) {
            move(a, start, false, false, false);
            return;
        }
        var dialog = new Dialog();
        dialog.addClassName("move-scope-dialog");
        dialog.setHeaderTitle("Move a repeating appointment");
        dialog.add(new Paragraph("Move only this appointment to " + WHEN.format(start)
                + ", or this one and all the following ones of the series by the same amount?"));
        var one = new Button("Only this one", click -> {
            dialog.close();
            move(a, start, false, false, false);
        });
        var all = new Button("This and all following", click -> {
            dialog.close();
            move(a, start, true, false, false);
        });
        all.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var keep = new Button("Leave it", click -> dialog.close());
        keep.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dialog.getFooter().add(keep, one, all);
        dialog.open();
    }

    void move(
            CalendarAppointment a,
            LocalDateTime start,
            boolean allFollowing,
            boolean overlapConfirmed,
            boolean hoursConfirmed) {
        try {
            scheduling.reschedule(a.id(), start, allFollowing, overlapConfirmed, hoursConfirmed);
            Notification.show(a.clientCode() + " moved to " + WHEN.format(start) + ".");
        } catch (OverlapNeedsConfirmation overlap) {
            confirm(
                    "This overlaps another appointment",
                    overlap.clashes().stream()
                            .map(c -> c.clientCode() + ": "
                                    + WHEN.format(c.startsAt().atZone(zone)))
                            .toList(),
                    "The counsellor already has this time booked. Move anyway only if that is intended.",
                    () -> move(a, start, allFollowing, true, hoursConfirmed));
        } catch (OutsideWorkingHours outside) {
            confirm(
                    "Outside working hours",
                    outside.starts().stream().map(WHEN::format).toList(),
                    "This is outside the counsellor's working hours. Move anyway only if that is agreed.",
                    () -> move(a, start, allFollowing, overlapConfirmed, true));
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            error(refused.getMessage());
        }
        refresh();
    }

    private void confirm(String title, List<String> lines, String text, Runnable anyway) {
        var dialog = new Dialog();
        dialog.addClassName("confirm-move-dialog");
        dialog.setHeaderTitle(title);
        var list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        dialog.add(new Paragraph(text), list);
        var yes = new Button("Move anyway", click -> {
            dialog.close();
            anyway.run();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Leave it where it was", click -> dialog.close()), yes);
        dialog.open();
    }

    private static void error(@Nullable String message) {
        Notification.show(message == null ? "That could not be done." : message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** For tests: the appointment shown with this id. */
    @Nullable
    CalendarAppointment shown(UUID id) {
        return find(id.toString()).orElse(null);
    }
}
