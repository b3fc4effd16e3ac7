package org.casebook.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.casebook.KaribuTest;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientService;
import org.casebook.client.TestClients;
import org.casebook.security.ui.LoginView;
import org.casebook.session.AppointmentService;
import org.casebook.session.Attendance;
import org.casebook.session.Core10Service;
import org.casebook.session.MeasurementPoint;
import org.casebook.session.Modality;
import org.casebook.session.SessionFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class SessionsViewTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    ClientService clientService;

    private static LocalDateTime future(int days, int hour) {
        return LocalDateTime.now(ZoneId.of("Europe/London"))
                .plusDays(days)
                .withHour(hour)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
    }

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(SessionsView.class, "ABC-DEF");
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(SessionsView.class, "ABC-DEF"))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor2")
    void anotherCounsellorsClientIsRefused() {
        var theirs = testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(SessionsView.class, theirs.code());
        _get(H1.class, spec -> spec.withText("No access"));
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorBooksAnInPersonAppointment() {
        var client = testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(SessionsView.class, client.code());
        var view = _get(SessionsView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Sessions of " + client.code() + " | Casebook");
        // Whose record this is, always in sight.
        assertThat(_get(org.casebook.client.ui.ClientHeader.class).getElement().getTextRecursively())
                .contains("Caseload", client.code(), "Sessions", "Assigned", "Risk to others");
        _setValue(view.start, future(4, 19));
        _setValue(view.modality, Modality.IN_PERSON);
        assertThat(view.location.isVisible()).isTrue();
        _setValue(view.location, "Room 3 (demo)");
        _click(view.book);
        assertThat(view.appointments.getElement().getTextRecursively()).contains("50 min, In person, Room 3 (demo)");
        assertThat(view.bookingMessage.getText()).startsWith("Booked for");
    }

    @Test
    @WithUserDetails("counsellor1")
    void eachAppointmentShowsItsRemindersAndTheCounsellorSetsWhenTheyGo() {
        var client = testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(SessionsView.class, client.code());
        var view = _get(SessionsView.class);
        _setValue(view.start, future(6, 20));
        _setValue(view.modality, Modality.VIDEO);
        _click(view.book);
        var line = _get(view.appointments, Div.class, spec -> spec.withClasses("appointment-reminders"));
        assertThat(line.getElement().getTextRecursively())
                .contains("Email: due", "Text message: due")
                .contains(Formats.SHORT.format(future(5, 10).atZone(ZoneId.of("Europe/London"))));

        _click(_get(line, Button.class, spec -> spec.withText("Reminder time")));
        var dialog = java.util.Objects.requireNonNull(view.reminderDialog);
        var at = _get(dialog, com.vaadin.flow.component.datetimepicker.DateTimePicker.class);
        at.setValue(future(6, 21));
        _click(_get(dialog, Button.class, spec -> spec.withText("Save reminder time")));
        assertThat(at.isInvalid()).isTrue();
        assertThat(at.getErrorMessage()).isEqualTo(org.casebook.session.ReminderService.REMIND_BEFORE_START);
        assertThat(dialog.isOpened()).isTrue();

        at.setValue(future(6, 8));
        _click(_get(dialog, Button.class, spec -> spec.withText("Save reminder time")));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(_get(view.appointments, Div.class, spec -> spec.withClasses("appointment-reminders"))
                        .getElement()
                        .getTextRecursively())
                .contains(Formats.SHORT.format(future(6, 8).atZone(ZoneId.of("Europe/London"))));
    }

    @Test
    @WithUserDetails("counsellor1")
    void aSuccessfulBookingClearsTheDateAndTimeWithoutShowingAnError() {
        var client = testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(SessionsView.class, client.code());
        var view = _get(SessionsView.class);
        _click(view.book);
        assertThat(view.start.isInvalid()).isTrue();

        _setValue(view.start, future(5, 18));
        _click(view.book);
        assertThat(view.bookingMessage.getText()).startsWith("Booked for");
        assertThat(view.start.getValue()).isNull();
        assertThat(view.start.isInvalid())
                .as("the emptied date and time is not an error")
                .isFalse();

        _setValue(view.start, future(7, 18));
        _click(view.book);
        assertThat(view.bookingMessage.getText()).startsWith("Booked for");
        assertThat(view.start.isInvalid())
                .as("nor after a booking that had no mistake before it")
                .isFalse();
    }

    @Test
    @WithUserDetails("counsellor1")
    void bookingMistakesAreShownAtTheFieldAndTypedValuesStay() {
        var client = testClients.assignedTo("counsellor1");
        UI.getCurrent().navigate(SessionsView.class, client.code());
        var view = _get(SessionsView.class);
        _setValue(view.duration, 45);
        _click(view.book);
        assertThat(view.start.isInvalid()).isTrue();
        assertThat(view.start.getErrorMessage()).isEqualTo(AppointmentService.START_NEEDED);
        assertThat(view.duration.getValue()).isEqualTo(45);

        _setValue(view.start, future(6, 20));
        _setValue(view.modality, Modality.IN_PERSON);
        _click(view.book);
        assertThat(view.start.isInvalid()).isFalse();
        assertThat(view.location.isInvalid()).isTrue();
        assertThat(view.location.getErrorMessage()).isEqualTo(AppointmentService.LOCATION_NEEDED);
        assertThat(view.start.getValue()).isEqualTo(future(6, 20));
    }

    @Test
    @WithUserDetails("counsellor1")
    void anOverlapAsksBeforeBooking() {
        var first = testClients.assignedTo("counsellor1");
        var second = testClients.assignedTo("counsellor1");
        sessions.booked("counsellor1", first.code(), future(9, 18));
        UI.getCurrent().navigate(SessionsView.class, second.code());
        var view = _get(SessionsView.class);
        _setValue(view.start, future(9, 18).plusMinutes(15));
        _click(view.book);
        _click(_get(Button.class, spec -> spec.withText("Choose another time")));
        assertThat(view.appointments.getElement().getTextRecursively()).contains("No appointments yet");
        _click(view.book);
        assertThat(_get(com.vaadin.flow.component.dialog.Dialog.class)
                        .getElement()
                        .getTextRecursively())
                .contains(first.code());
        _click(_get(Button.class, spec -> spec.withText("Book anyway")));
        assertThat(view.appointments.getChildren().count()).isEqualTo(1);
    }

    @Test
    @WithUserDetails("counsellor1")
    void theFirstAttendedSessionActivatesTheCaseAndLeadsToTheConfidentialityAgreement() {
        var client = testClients.assignedTo("counsellor1");
        var past = sessions.booked(
                "counsellor1",
                client.code(),
                LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(2));
        UI.getCurrent().navigate(SessionsView.class, client.code());
        var view = _get(SessionsView.class);
        _click(_get(view.appointmentItem(past), Button.class, spec -> spec.withText("Record attendance")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Attendance> choice = _get(RadioButtonGroup.class, spec -> spec.withLabel("Outcome"));
        _click(_get(Button.class, spec -> spec.withText("Save outcome")));
        assertThat(choice.isInvalid()).isTrue();
        _setValue(choice, Attendance.ATTENDED);
        _click(_get(Button.class, spec -> spec.withText("Save outcome")));

        assertThat(_get(Anchor.class, spec -> spec.withClasses("consent-link")).getHref())
                .isEqualTo("consent/" + client.code());
        assertThat(clientService.open(client.code()).status()).isEqualTo(CaseStatus.ACTIVE);
        assertThat(_get(view.appointmentItem(past), Anchor.class, spec -> spec.withClasses("note-link"))
                        .getHref())
                .isEqualTo("note/" + past);
    }

    @Test
    @WithUserDetails("counsellor1")
    void core10IsEnteredScoredChartedAndTheRiskItemPromptsAReview() {
        var client = testClients.activeWith("counsellor1");
        UI.getCurrent().navigate(SessionsView.class, client.code());
        var view = _get(SessionsView.class);
        _setValue(view.core10Point, MeasurementPoint.INTAKE);
        _setValue(view.core10Date, LocalDate.now(ZoneId.of("Europe/London")).minusDays(1));
        int[] scores = {3, 2, 3, 2, 2, 1, 3, 2, 3, 2};
        for (int i = 0; i < 10; i++) {
            if (i != 2) {
                _setValue(view.core10Items.get(i), scores[i]);
            }
        }
        _click(view.core10Save);
        assertThat(view.core10Items.get(2).isInvalid()).isTrue();
        assertThat(view.core10Items.get(2).getErrorMessage()).isEqualTo(Core10Service.ITEM_RANGE);
        assertThat(view.core10Items.get(0).getValue()).isEqualTo(3);

        _setValue(view.core10Items.get(2), 3);
        _click(view.core10Save);
        assertThat(view.core10Message.getText()).isEqualTo("Recorded: total 23 (Moderate to severe).");
        assertThat(view.core10History.getElement().getTextRecursively()).contains("total 23", "clinical range");
        assertThat(_get(view.core10History, Div.class, spec -> spec.withClasses("risk-prompt")))
                .isNotNull();
        assertThat(_get(view.core10History, Anchor.class, spec -> spec.withText("Open the risk plan"))
                        .getHref())
                .isEqualTo("plan/" + client.code());
        assertThat(_find(view.core10History, com.vaadin.flow.component.Html.class))
                .hasSize(1);
    }
}
