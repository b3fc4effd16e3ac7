package org.casebook.calendar.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.casebook.security.ui.LoginView;
import org.casebook.session.AppointmentService;
import org.casebook.session.Modality;
import org.casebook.session.NewAppointment;
import org.casebook.session.Recurrence;
import org.casebook.session.SchedulingService;
import org.casebook.time.CharityClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class CalendarViewTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Autowired
    AppointmentService appointments;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    CharityClock charity;

    @Autowired
    RunAsStaff runAs;

    private LocalDateTime thisWeek(int day, int hour) {
        return charity.today().with(DayOfWeek.MONDAY).plusDays(day).atTime(hour, 0);
    }

    private UUID book(String code, LocalDateTime at) {
        return appointments
                .book(code, new NewAppointment(at, 50, Modality.VIDEO, null), true, true)
                .id();
    }

    private static AppointmentCalendar.Event event(AppointmentCalendar calendar, UUID id) {
        return calendar.events().stream()
                .filter(e -> e.id().equals(id.toString()))
                .findFirst()
                .orElseThrow();
    }

    private static void drag(AppointmentCalendar calendar, UUID id, LocalDateTime to) {
        ComponentUtil.fireEvent(
                calendar, new AppointmentCalendar.MoveEvent(calendar, true, id.toString(), to.toString()));
    }

    private static Dialog dialog(String className) {
        return _get(Dialog.class, spec -> spec.withClasses(className));
    }

    @Test
    void aSignedOutVisitorLandsOnTheLoginPage() {
        UI.getCurrent().navigate(CalendarView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(CalendarView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void theWeekShowsAppointmentsByCodeAndDraggingOntoAnotherAsksFirst() {
        var one = testClients.activeWith("counsellor1");
        var two = testClients.activeWith("counsellor1");
        var first = book(one.code(), thisWeek(2, 7));
        var second = book(two.code(), thisWeek(3, 19));
        UI.getCurrent().navigate(CalendarView.class);
        var view = _get(CalendarView.class);
        assertThat(event(view.calendar, first).title()).isEqualTo(one.code() + " (Video)");
        assertThat(event(view.calendar, second).start()).isEqualTo(thisWeek(3, 19) + ":00");

        drag(view.calendar, second, thisWeek(2, 7).plusMinutes(15));
        var overlap = dialog("confirm-move-dialog");
        assertThat(overlap.getHeaderTitle()).isEqualTo("This overlaps another appointment");
        assertThat(overlap.getElement().getTextRecursively()).contains(one.code());
        assertThat(event(view.calendar, second).start()).isEqualTo(thisWeek(3, 19) + ":00");
        _click(_get(overlap, Button.class, spec -> spec.withText("Move anyway")));
        assertThat(event(view.calendar, second).start())
                .isEqualTo(thisWeek(2, 7).plusMinutes(15) + ":00");

        view.open(view.shown(first));
        _click(_get(dialog("appointment-dialog"), Button.class, spec -> spec.withText("Cancel this appointment")));
        assertThat(event(view.calendar, first).classNames()).contains("cancelled");
        assertThat(event(view.calendar, first).editable()).isFalse();
    }

    @Test
    @WithUserDetails("counsellor2")
    void draggingOneOfASeriesAsksWhetherTheFollowingOnesMoveToo() {
        var client = testClients.activeWith("counsellor2");
        var series = scheduling.bookSeries(
                client.code(),
                new NewAppointment(thisWeek(1, 8), 50, Modality.PHONE, null),
                new Recurrence(Recurrence.Frequency.WEEKLY, 3, null),
                true,
                true);
        UI.getCurrent().navigate(CalendarView.class);
        var view = _get(CalendarView.class);
        assertThat(event(view.calendar, series.getFirst().id()).classNames()).contains("series");
        drag(view.calendar, series.getFirst().id(), thisWeek(1, 7));
        _click(_get(dialog("move-scope-dialog"), Button.class, spec -> spec.withText("This and all following")));
        var later = scheduling
                .calendar(
                        testClients.id("counsellor2"),
                        thisWeek(0, 0).toLocalDate(),
                        thisWeek(21, 0).toLocalDate())
                .stream()
                .filter(a -> a.clientCode().equals(client.code()))
                .map(a -> LocalDateTime.ofInstant(a.startsAt(), charity.zone()))
                .toList();
        assertThat(later).containsExactly(thisWeek(1, 7), thisWeek(8, 7), thisWeek(15, 7));
    }

    @Test
    @WithUserDetails("supervisor")
    void aSupervisorSeesTheTeamsDaysSideBySide() {
        var client = testClients.activeWith("counsellor1");
        var at = thisWeek(4, 20);
        runAs.as("counsellor1", () -> book(client.code(), at));
        UI.getCurrent().navigate(CalendarView.class);
        var view = _get(CalendarView.class);
        assertThat(view.teamCalendars).hasSizeGreaterThanOrEqualTo(2);
        view.teamDay.setValue(at.toLocalDate());
        assertThat(view.teamCalendars)
                .anySatisfy(
                        cal -> assertThat(cal.events()).anyMatch(e -> e.title().startsWith(client.code())));
    }

    @Test
    @WithUserDetails("counsellor3")
    void workingHoursAreSetInTheDialogWithTheMessageAtTheField() {
        UI.getCurrent().navigate(CalendarView.class);
        var view = _get(CalendarView.class);
        _click(view.workingHours);
        var dialog = _get(WorkingHoursDialog.class);
        var monday = dialog.days.get(DayOfWeek.MONDAY);
        monday.works().setValue(true);
        monday.from().setValue(LocalTime.of(17, 0));
        monday.to().setValue(LocalTime.of(9, 0));
        _click(dialog.save);
        assertThat(monday.to().isInvalid()).isTrue();
        assertThat(monday.to().getErrorMessage()).isEqualTo(SchedulingService.HOURS_ORDER);
        monday.from().setValue(LocalTime.of(9, 0));
        monday.to().setValue(LocalTime.of(17, 0));
        try {
            _click(dialog.save);
            assertThat(scheduling.workingHours(testClients.id("counsellor3"))).hasSize(1);
            assertThat(view.calendar.getElement().getAttribute("working-hours")).contains("\"startTime\":\"09:00\"");
        } finally {
            scheduling.setMyWorkingHours(List.of());
        }
    }
}
