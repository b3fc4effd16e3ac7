package org.casebook.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.ui.ClientHeader;
import org.casebook.security.Roles;
import org.casebook.session.AppointmentRow;
import org.casebook.session.AppointmentService;
import org.casebook.session.Attendance;
import org.casebook.session.Core10;
import org.casebook.session.Core10Entry;
import org.casebook.session.Core10Result;
import org.casebook.session.Core10Service;
import org.casebook.session.MeasurementPoint;
import org.casebook.session.Modality;
import org.casebook.session.NewAppointment;
import org.casebook.session.NoteState;
import org.casebook.session.OutcomeRecorded;
import org.casebook.session.OutsideWorkingHours;
import org.casebook.session.OverlapNeedsConfirmation;
import org.casebook.session.Recurrence;
import org.casebook.session.SchedulingService;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.ui.NoAccess;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;

/**
 * A client's sessions, at {@code /sessions/{code}}: booking, what became of each appointment, the way to
 * each note, and the CORE-10 scores with their chart. Listed by client code only.
 */
@Route("sessions")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class SessionsView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    final DateTimePicker start = new DateTimePicker("Date and time");
    final IntegerField duration = new IntegerField("Duration (minutes)");
    final Select<Modality> modality = new Select<>();
    final TextField location = new TextField("Location");
    final Select<Recurrence.Frequency> repeat = new Select<>();
    final IntegerField sessions = new IntegerField("Sessions");
    final DatePicker until = new DatePicker("Until");
    final Button book = new Button("Book appointment");
    final Div bookingMessage = new Div();
    final Div appointments = new Div();
    final Div outcomeMessage = new Div();

    final DatePicker core10Date = new DatePicker("Date taken");
    final Select<MeasurementPoint> core10Point = new Select<>();
    final List<IntegerField> core10Items = new ArrayList<>();
    final Button core10Save = new Button("Record CORE-10");
    final Div core10History = new Div();
    final Div core10Message = new Div();

    private final AppointmentService appointmentService;
    private final SchedulingService scheduling;
    private final ClientService clients;
    private final org.casebook.session.ReminderService reminderService;
    private java.util.Map<java.util.UUID, List<org.casebook.session.ReminderRow>> reminders = java.util.Map.of();
    /** The open reminder-time dialog, for tests. */
    @org.jspecify.annotations.Nullable
    Dialog reminderDialog;

    private final Core10Service core10;
    private final ZoneId zone;
    private final Clock clock;
    private final CharityClock charity;
    private String code = "";
    private String title = "Sessions | Casebook";

    SessionsView(
            AppointmentService appointmentService,
            SchedulingService scheduling,
            Core10Service core10,
            Clock clock,
            CharityClock charity,
            @Value("${casebook.time-zone}") ZoneId zone,
            ClientService clients,
            org.casebook.session.ReminderService reminderService) {
        this.clients = clients;
        this.reminderService = reminderService;
        this.appointmentService = appointmentService;
        this.scheduling = scheduling;
        this.core10 = core10;
        this.clock = clock;
        this.charity = charity;
        this.zone = zone;
        addClassName("sessions-view");
    }

    @Override
    public void setParameter(BeforeEvent event, String clientCode) {
        removeAll();
        List<AppointmentRow> rows;
        try {
            rows = appointmentService.ofClient(clientCode);
        } catch (ClientAccessDenied denied) {
            title = NoAccess.TITLE;
            add(new NoAccess(ClientAccessDenied.MESSAGE));
            return;
        }
        var client = clients.summary(clientCode);
        code = client.code();
        title = "Sessions of " + code + " | Casebook";
        add(
                new ClientHeader(client, "Sessions"),
                new H1("Sessions"),
                bookingForm(),
                new H2("Appointments"),
                outcomeMessage,
                appointments,
                core10Section());
        showAppointments(rows);
        showCore10();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private Component bookingForm() {
        start.setStep(java.time.Duration.ofMinutes(15));
        // Said in words, not with Vaadin's required marker: on this group of two inputs the marker becomes
        // aria-required on an element whose role (group) does not allow it (axe: aria-allowed-attr).
        start.setHelperText("Required.");
        // Date and time side by side within a phone's width (the picker is twice this wide).
        start.getStyle().set("--vaadin-field-default-width", "9em");
        var today = charity.today();
        start.setMin(DateRange.PLANNING.earliest(today).atStartOfDay());
        start.setMax(DateRange.PLANNING.latest(today).atTime(23, 59));
        duration.setValue(50);
        duration.setMin(AppointmentService.MIN_MINUTES);
        duration.setMax(AppointmentService.MAX_MINUTES);
        duration.setStepButtonsVisible(true);
        duration.setStep(5);
        modality.setLabel("How");
        modality.setItems(Modality.values());
        modality.setItemLabelGenerator(Modality::label);
        modality.setValue(Modality.VIDEO);
        location.setVisible(false);
        location.setHelperText("Stored encrypted. Needed for in-person sessions.");
        FieldMessages.limit(location, Text.LINE);
        modality.addValueChangeListener(change -> location.setVisible(change.getValue() == Modality.IN_PERSON));
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.addClickListener(click -> book(false, false));
        bookingMessage.addClassName("form-message");
        repeat.setLabel("Repeats");
        repeat.setItems(Recurrence.Frequency.values());
        repeat.setEmptySelectionAllowed(true);
        repeat.setEmptySelectionCaption("Does not repeat");
        repeat.setItemLabelGenerator(f -> f == null ? "Does not repeat" : f.label());
        sessions.setMin(2);
        sessions.setMax(Recurrence.MAX_SESSIONS);
        sessions.setStepButtonsVisible(true);
        sessions.setHelperText("Or a last date");
        sessions.setVisible(false);
        until.setVisible(false);
        FieldMessages.limit(until, DateRange.PLANNING, today);
        repeat.addValueChangeListener(change -> {
            sessions.setVisible(change.getValue() != null);
            until.setVisible(change.getValue() != null);
        });
        var fields = new HorizontalLayout(start, duration, modality, location, repeat, sessions, until, book);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        var card = new VerticalLayout(new H2("Book an appointment"), fields, bookingMessage);
        card.addClassName("card");
        card.setSpacing(false);
        return card;
    }

    private void book(boolean overlapConfirmed, boolean hoursConfirmed) {
        clearInvalid();
        var details = new NewAppointment(
                start.getValue(),
                duration.getValue() == null ? 0 : duration.getValue(),
                modality.getValue(),
                location.getValue());
        try {
            if (repeat.getValue() == null) {
                var booked = appointmentService.book(code, details, overlapConfirmed, hoursConfirmed);
                bookingMessage.setText("Booked for " + org.casebook.ui.Dates.when(booked.startsAt(), zone) + ".");
                org.casebook.ui.Feedback.done(
                        "Appointment booked for " + org.casebook.ui.Dates.when(booked.startsAt(), zone));
            } else {
                var series = scheduling.bookSeries(
                        code,
                        details,
                        new Recurrence(repeat.getValue(), sessions.getValue(), until.getValue()),
                        overlapConfirmed,
                        hoursConfirmed);
                bookingMessage.setText("Booked " + series.size() + " appointments, the first on "
                        + org.casebook.ui.Dates.when(series.getFirst().startsAt(), zone) + ".");
                org.casebook.ui.Feedback.done(series.size() + " appointments booked, the first on "
                        + org.casebook.ui.Dates.when(series.getFirst().startsAt(), zone));
            }
            // Emptied for the next booking, which is not a mistake: clearing a required field would mark it.
            start.clear();
            start.setInvalid(false);
            location.clear();
            location.setInvalid(false);
            showAppointments(appointmentService.ofClient(code));
        } catch (OverlapNeedsConfirmation overlap) {
            confirmOverlap(overlap, hoursConfirmed);
        } catch (OutsideWorkingHours outside) {
            confirmHours(outside, overlapConfirmed);
        } catch (org.casebook.validation.InvalidFields invalid) {
            // Each message at its field, by the field's name in the booking or the repetition the service was given.
            org.casebook.ui.FieldMessages.show(
                    invalid,
                    java.util.Map.of(
                            "start",
                            start,
                            "durationMinutes",
                            duration,
                            "modality",
                            modality,
                            "location",
                            location,
                            "sessions",
                            sessions,
                            "until",
                            until,
                            "frequency",
                            repeat));
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            bookingMessage.setText(refused.getMessage());
        }
    }

    private void confirmHours(OutsideWorkingHours outside, boolean overlapConfirmed) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Outside working hours");
        dialog.addClassName("outside-hours-dialog");
        var list = new UnorderedList();
        outside.starts().forEach(at -> list.add(new ListItem(Formats.WHEN.format(at))));
        dialog.add(
                new Paragraph(outside.getMessage()), list, new Paragraph("Book anyway only if that time is agreed."));
        var anyway = new Button("Book anyway", click -> {
            dialog.close();
            book(overlapConfirmed, true);
        });
        anyway.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Choose another time", click -> dialog.close()), anyway);
        dialog.open();
    }

    private void confirmOverlap(OverlapNeedsConfirmation overlap, boolean hoursConfirmed) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("This overlaps another appointment");
        var list = new UnorderedList();
        overlap.clashes()
                .forEach(clash -> list.add(new ListItem(clash.clientCode() + ": "
                        + Formats.SHORT.format(clash.startsAt().atZone(zone)) + " to "
                        + Formats.SHORT.format(clash.endsAt().atZone(zone)))));
        dialog.add(
                new Paragraph("The counsellor already has this time booked:"),
                list,
                new Paragraph("Book anyway only if that is intended, for example when a session is being moved."));
        var anyway = new Button("Book anyway", click -> {
            dialog.close();
            book(true, hoursConfirmed);
        });
        anyway.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Choose another time", click -> dialog.close()), anyway);
        dialog.open();
    }

    private void clearInvalid() {
        sessions.setInvalid(false);
        until.setInvalid(false);
        repeat.setInvalid(false);
        start.setInvalid(false);
        duration.setInvalid(false);
        modality.setInvalid(false);
        location.setInvalid(false);
        bookingMessage.setText("");
    }

    private void showAppointments(List<AppointmentRow> rows) {
        appointments.removeAll();
        reminders = rows.isEmpty() ? java.util.Map.of() : reminderService.ofClient(code);
        if (rows.isEmpty()) {
            appointments.add(new Paragraph("No appointments yet."));
            return;
        }
        var now = clock.instant();
        for (var row : rows) {
            appointments.add(appointment(row, now));
        }
    }

    private Component appointment(AppointmentRow row, java.time.Instant now) {
        var item = new Div();
        item.addClassName("appointment");
        item.setId("appointment-" + row.id());
        var when = new Span(Formats.WHEN.format(row.startsAt().atZone(zone)) + " (" + row.minutes() + " min, "
                + row.modality().label() + (row.location() == null ? "" : ", " + row.location()) + ")");
        when.addClassName("appointment-when");
        item.add(when);
        if (row.outcome() != null) {
            var outcome = new Span(row.outcome().label());
            outcome.getElement()
                    .getThemeList()
                    .add(row.outcome() == Attendance.ATTENDED ? "badge success" : "badge contrast");
            item.add(outcome);
        }
        if (row.outcome() == null) {
            var record = new Button(
                    row.startsAt().isAfter(now) ? "Cancel or record" : "Record attendance",
                    click -> askOutcome(row, now));
            record.addThemeVariants(ButtonVariant.LUMO_SMALL);
            item.add(record);
        }
        item.add(reminderLine(row, now));
        if (row.outcome() == Attendance.ATTENDED) {
            var note = new Anchor(
                    "note/" + row.id(),
                    row.note() == NoteState.NONE
                            ? "Write the note"
                            : "Note: " + row.note().label());
            note.addClassName("note-link");
            item.add(note);
            if (row.overdue()) {
                var overdue = new Span("Note overdue");
                overdue.getElement().getThemeList().add("badge error");
                item.add(overdue);
            }
        }
        return item;
    }

    /** What became of the appointment's reminders; before it starts, a button to change when they go. */
    private Component reminderLine(AppointmentRow row, java.time.Instant now) {
        var line = new Div();
        line.addClassName("appointment-reminders");
        var found = reminders.getOrDefault(row.id(), List.of());
        if (found.isEmpty()) {
            line.add(new Span("No reminder set."));
        } else {
            var due = found.getFirst().dueAt();
            line.add(new Span("Reminder " + Formats.SHORT.format(due.atZone(zone)) + ": "));
            for (var reminder : found) {
                var state = new Span(reminder.summary());
                state.addClassName("reminder-state");
                if (reminder.state() == org.casebook.session.ReminderState.FAILED
                        || reminder.state() == org.casebook.session.ReminderState.RETRYING) {
                    state.getElement().getThemeList().add("badge error");
                } else {
                    state.getElement().getThemeList().add("badge contrast");
                }
                line.add(state, new Span(" "));
            }
        }
        if (row.outcome() == null && row.startsAt().isAfter(now)) {
            var change = new Button("Reminder time", click -> askReminderTime(row, found));
            change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            change.addClassName("reminder-time");
            line.add(change);
        }
        return line;
    }

    private void askReminderTime(AppointmentRow row, List<org.casebook.session.ReminderRow> found) {
        var dialog = new Dialog();
        reminderDialog = dialog;
        dialog.setHeaderTitle("When to remind the client of "
                + Formats.SHORT.format(row.startsAt().atZone(zone)));
        var at = new DateTimePicker("Send the reminder at");
        at.setStep(java.time.Duration.ofMinutes(15));
        var due = found.isEmpty()
                ? reminderService.defaultTime(row.startsAt())
                : found.getFirst().dueAt();
        at.setValue(java.time.LocalDateTime.ofInstant(due, zone));
        at.setMax(java.time.LocalDateTime.ofInstant(row.startsAt(), zone));
        var help = new Paragraph("Sent only by the channels the client's safe-contact instructions allow. "
                + "The message gives only the date, time and place.");
        var save = new Button("Save reminder time", click -> {
            if (at.getValue() == null) {
                at.setErrorMessage("Choose when to send the reminder.");
                at.setInvalid(true);
                return;
            }
            try {
                reminderService.setReminderTime(row.id(), at.getValue());
                dialog.close();
                showAppointments(appointmentService.ofClient(code));
            } catch (IllegalArgumentException | AccessDeniedException refused) {
                at.setErrorMessage(refused.getMessage());
                at.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var reset = new Button(
                "Use the default",
                click -> at.setValue(
                        java.time.LocalDateTime.ofInstant(reminderService.defaultTime(row.startsAt()), zone)));
        dialog.add(help, at);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), reset, save);
        dialog.open();
    }

    private void askOutcome(AppointmentRow row, java.time.Instant now) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("What became of the appointment on "
                + Formats.SHORT.format(row.startsAt().atZone(zone)) + "?");
        var choice = new RadioButtonGroup<Attendance>("Outcome");
        choice.setItems(
                row.startsAt().isAfter(now)
                        ? List.of(Attendance.CANCELLED_BY_CLIENT, Attendance.CANCELLED_BY_COUNSELLOR)
                        : List.of(Attendance.values()));
        choice.setItemLabelGenerator(Attendance::label);
        var save = new Button("Save outcome", click -> {
            if (choice.getValue() == null) {
                choice.setErrorMessage("Choose what happened.");
                choice.setInvalid(true);
                return;
            }
            try {
                var recorded = appointmentService.recordOutcome(row.id(), choice.getValue());
                dialog.close();
                showAppointments(appointmentService.ofClient(code));
                afterOutcome(recorded);
            } catch (IllegalStateException | IllegalArgumentException | AccessDeniedException refused) {
                choice.setErrorMessage(refused.getMessage());
                choice.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(choice);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void afterOutcome(OutcomeRecorded recorded) {
        outcomeMessage.removeAll();
        if (!recorded.firstSession()) {
            outcomeMessage.add(new Paragraph("Recorded: " + recorded.outcome().label() + "."));
            org.casebook.ui.Feedback.done(
                    "Attendance recorded: " + recorded.outcome().label().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        var consent = new Anchor("consent/" + recorded.clientCode(), "Record the limits-of-confidentiality agreement");
        consent.addClassName("consent-link");
        outcomeMessage.addClassName("first-session");
        outcomeMessage.add(
                new Paragraph("This was the first session: the case is now active. Record that the client "
                        + "was taken through the limits-of-confidentiality agreement, and its version."),
                consent);
    }

    private Component core10Section() {
        core10Date.setValue(charity.today());
        FieldMessages.limit(core10Date, DateRange.RECENT_PAST, charity.today());
        core10Point.setLabel("When in the case");
        core10Point.setItems(MeasurementPoint.values());
        core10Point.setItemLabelGenerator(MeasurementPoint::label);
        var items = new HorizontalLayout();
        items.setWrap(true);
        core10Items.clear();
        for (int i = 1; i <= Core10.ITEMS; i++) {
            var field = new IntegerField(i == Core10.RISK_ITEM ? "Item " + i + " (risk)" : "Item " + i);
            field.setMin(0);
            field.setMax(Core10.MAX_ITEM);
            field.setWidth("6.5em");
            if (i == Core10.RISK_ITEM) {
                field.addClassName("risk-item");
            }
            core10Items.add(field);
            items.add(field);
        }
        core10Save.addClickListener(click -> saveCore10());
        var form = new HorizontalLayout(core10Date, core10Point);
        var card = new VerticalLayout(
                new H2("CORE-10"),
                new Paragraph(
                        "Enter each item's score (0 to 4) as scored on the client's CORE-10 form. Item 6 is the "
                                + "risk item. Total 0 to 40; 11 or more is in the clinical range; a change of 6 or more is reliable."),
                form,
                items,
                core10Save,
                core10Message,
                core10History);
        card.addClassName("card");
        card.setSpacing(false);
        return card;
    }

    private void saveCore10() {
        core10Items.forEach(f -> f.setInvalid(false));
        core10Date.setInvalid(false);
        core10Point.setInvalid(false);
        core10Message.setText("");
        var scores = new ArrayList<@Nullable Integer>();
        core10Items.forEach(f -> scores.add(f.getValue()));
        try {
            var result = core10.record(code, new Core10Entry(core10Date.getValue(), core10Point.getValue(), scores));
            core10Message.setText(
                    "Recorded: total " + result.total() + " (" + result.band().label() + ").");
            org.casebook.ui.Feedback.done("CORE-10 recorded: total " + result.total());
            core10Items.forEach(IntegerField::clear);
            showCore10();
        } catch (InvalidFields invalid) {
            var fields = new java.util.HashMap<String, HasValidation>();
            fields.put("measuredOn", core10Date);
            fields.put("point", core10Point);
            for (int i = 0; i < core10Items.size(); i++) {
                fields.put("item" + (i + 1), core10Items.get(i));
            }
            FieldMessages.show(invalid, fields);
        } catch (IllegalStateException | AccessDeniedException refused) {
            core10Message.setText(refused.getMessage());
        }
    }

    private void showCore10() {
        core10History.removeAll();
        var scores = core10.scores(code);
        if (scores.isEmpty()) {
            core10History.add(new Paragraph("No CORE-10 recorded yet."));
            return;
        }
        var latest = scores.getLast();
        if (latest.riskItemScored()) {
            var prompt = new Div(
                    new Span("The latest CORE-10 scores " + latest.riskItem() + " on the risk item (item 6). "
                            + "Review the client's risk to self. "),
                    new Anchor("plan/" + code, "Open the risk plan"));
            prompt.addClassName("risk-prompt");
            core10History.add(prompt);
        }
        var list = new UnorderedList();
        list.addClassName("core10-list");
        for (var score : scores) {
            list.add(new ListItem(line(score)));
        }
        core10History.add(Core10Chart.of(scores), list);
    }

    private static String line(Core10Result score) {
        return Formats.DAY.format(score.measuredOn()) + ", " + score.point().label() + ": total " + score.total()
                + " (" + score.band().label() + (score.clinical() ? ", clinical range" : "") + ")"
                + (score.changeFromFirst() == null
                        ? ""
                        : "; " + score.changeFromFirst().label() + " since the first")
                + (score.riskItemScored() ? "; risk item " + score.riskItem() : "");
    }

    /** For tests: the appointment shown with this id. */
    Div appointmentItem(UUID id) {
        return (Div) appointments
                .getChildren()
                .filter(c -> c.getId().orElse("").equals("appointment-" + id))
                .findFirst()
                .orElseThrow();
    }
}
