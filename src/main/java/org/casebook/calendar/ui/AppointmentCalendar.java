package org.casebook.calendar.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A calendar drawn in the browser by FullCalendar (MIT licence, from npm), given its events as data only:
 * they travel as JSON in an attribute, and the browser answers with DOM events (open, move, range), so no
 * script is generated and the Content-Security-Policy holds. The web component is
 * {@code frontend/src/casebook-calendar.js}. Times are the charity's local wall-clock times.
 */
@Tag("casebook-calendar")
@NpmPackage(value = "@fullcalendar/core", version = "6.1.20")
@NpmPackage(value = "@fullcalendar/daygrid", version = "6.1.20")
@NpmPackage(value = "@fullcalendar/timegrid", version = "6.1.20")
@NpmPackage(value = "@fullcalendar/interaction", version = "6.1.20")
@JsModule("./src/casebook-calendar.js")
public class AppointmentCalendar extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One event as FullCalendar takes it.
     *
     * @param start local wall-clock time, ISO without offset
     * @param classNames CSS classes (cancelled, attended, series)
     */
    public record Event(String id, String title, String start, String end, List<String> classNames, boolean editable) {}

    /** Working hours, FullCalendar's businessHours: days 0 (Sunday) to 6, times {@code HH:mm}. */
    public record Hours(List<Integer> daysOfWeek, String startTime, String endTime) {}

    private List<Event> events = List.of();

    public AppointmentCalendar() {
        addClassName("appointment-calendar");
        setWidthFull();
        addAttachListener(attach -> getElement().executeJs(ACCESSIBLE));
    }

    /**
     * FullCalendar's markup as assistive technology should read it, after every render: its button icons are
     * decoration (the buttons carry the names), and its layout tables claim grid roles whose children do not
     * follow the grid pattern, so they are plain tables instead.
     */
    static final String ACCESSIBLE = """
            const root = this;
            const tidy = () => {
              root.querySelectorAll('.fc-icon[role]').forEach(icon => {
                icon.removeAttribute('role');
                icon.setAttribute('aria-hidden', 'true');
              });
              root.querySelectorAll('.fc-scrollgrid[role], .fc-scrollgrid [role]').forEach(e => {
                if (!e.matches('a, button')) {
                  e.removeAttribute('role');
                }
              });
            };
            tidy();
            new MutationObserver(tidy).observe(root, { subtree: true, childList: true });""";

    public void setEvents(List<Event> events) {
        this.events = List.copyOf(events);
        getElement().setAttribute("events", JSON.writeValueAsString(this.events));
    }

    public List<Event> events() {
        return events;
    }

    public void setWorkingHours(List<Hours> hours) {
        getElement().setAttribute("working-hours", JSON.writeValueAsString(hours));
    }

    /** {@code timeGridDay}, {@code timeGridWeek} or {@code dayGridMonth}. */
    public void setView(String view) {
        getElement().setAttribute("view", view);
    }

    public void setDate(LocalDate date) {
        getElement().setAttribute("date", date.toString());
    }

    /** Without its toolbar, for calendars shown side by side. */
    public void setCompact(boolean compact) {
        getElement().setAttribute("compact", compact);
    }

    public void setReadOnly(boolean readOnly) {
        getElement().setAttribute("readonly", readOnly);
    }

    public Registration addOpenListener(com.vaadin.flow.component.ComponentEventListener<OpenEvent> listener) {
        return addListener(OpenEvent.class, listener);
    }

    public Registration addMoveListener(com.vaadin.flow.component.ComponentEventListener<MoveEvent> listener) {
        return addListener(MoveEvent.class, listener);
    }

    public Registration addRangeListener(com.vaadin.flow.component.ComponentEventListener<RangeEvent> listener) {
        return addListener(RangeEvent.class, listener);
    }

    /** An appointment clicked. */
    @DomEvent("appointment-open")
    public static class OpenEvent extends ComponentEvent<AppointmentCalendar> {
        private final String id;

        public OpenEvent(AppointmentCalendar source, boolean fromClient, @EventData("event.detail.id") String id) {
            super(source, fromClient);
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** An appointment dragged to a new start (the calendar has put it back until the server redraws). */
    @DomEvent("appointment-move")
    public static class MoveEvent extends ComponentEvent<AppointmentCalendar> {
        private final String id;
        private final LocalDateTime start;

        public MoveEvent(
                AppointmentCalendar source,
                boolean fromClient,
                @EventData("event.detail.id") String id,
                @EventData("event.detail.start") String start) {
            super(source, fromClient);
            this.id = id;
            this.start = LocalDateTime.parse(start);
        }

        public String id() {
            return id;
        }

        public LocalDateTime start() {
            return start;
        }
    }

    /** The dates shown changed (navigation or a different view). */
    @DomEvent("range-change")
    public static class RangeEvent extends ComponentEvent<AppointmentCalendar> {
        private final LocalDate start;
        private final LocalDate end;
        private final @Nullable String view;

        public RangeEvent(
                AppointmentCalendar source,
                boolean fromClient,
                @EventData("event.detail.start") String start,
                @EventData("event.detail.end") String end,
                @EventData("event.detail.view") @Nullable String view) {
            super(source, fromClient);
            this.start = LocalDateTime.parse(start).toLocalDate();
            this.end = LocalDateTime.parse(end).toLocalDate();
            this.view = view;
        }

        public LocalDate start() {
            return start;
        }

        public LocalDate end() {
            return end;
        }

        public @Nullable String view() {
            return view;
        }
    }
}
