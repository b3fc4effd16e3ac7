package org.casebook.calendar.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casebook.session.DayHours;
import org.casebook.session.SchedulingService;
import org.casebook.validation.InvalidFields;

/** The signed-in person's working hours, a span per weekday; booking outside them asks for confirmation. */
class WorkingHoursDialog extends Dialog {

    record Day(Checkbox works, TimePicker from, TimePicker to) {}

    final Map<DayOfWeek, Day> days = new EnumMap<>(DayOfWeek.class);
    final Button save = new Button("Save working hours");

    WorkingHoursDialog(SchedulingService scheduling, long me, Runnable onSaved) {
        setHeaderTitle("Your working hours");
        addClassName("working-hours-dialog");
        add(new Paragraph("Booking or moving an appointment outside these hours asks for confirmation. "
                + "With no day ticked, nothing is checked."));
        var current = scheduling.workingHours(me);
        for (var day : DayOfWeek.values()) {
            var set = current.stream().filter(d -> d.day() == day).findFirst();
            var works = new Checkbox(day.getDisplayName(TextStyle.FULL, Locale.UK), set.isPresent());
            var from = new TimePicker("From", set.map(DayHours::from).orElse(LocalTime.of(9, 0)));
            var to = new TimePicker("To", set.map(DayHours::to).orElse(LocalTime.of(17, 0)));
            from.setStep(Duration.ofMinutes(15));
            to.setStep(Duration.ofMinutes(15));
            from.setAriaLabel(works.getLabel() + " from");
            to.setAriaLabel(works.getLabel() + " to");
            days.put(day, new Day(works, from, to));
            var row = new HorizontalLayout(works, from, to);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(row);
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            var chosen = new ArrayList<DayHours>();
            days.forEach((day, fields) -> {
                fields.to().setInvalid(false);
                if (fields.works().getValue()) {
                    chosen.add(new DayHours(
                            day, fields.from().getValue(), fields.to().getValue()));
                }
            });
            try {
                scheduling.setMyWorkingHours(List.copyOf(chosen));
            } catch (InvalidFields invalid) {
                days.forEach((day, fields) -> {
                    var message = invalid.messageFor(day.name().toLowerCase(Locale.ROOT));
                    if (message != null) {
                        fields.to().setErrorMessage(message);
                        fields.to().setInvalid(true);
                    }
                });
                return;
            }
            Notification.show("Working hours saved.");
            close();
            onSaved.run();
        });
        var cancel = new Button("Cancel", click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }
}
