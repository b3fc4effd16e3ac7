package org.casebook.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.session.DayHours;
import org.casebook.session.Recurrence;
import org.casebook.session.SchedulingService;
import org.casebook.time.CharityClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class SeriesBookingTest extends KaribuTest {

    @Autowired
    TestClients testClients;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    CharityClock charity;

    @Test
    @WithUserDetails("counsellor3")
    void aFortnightlySeriesIsBookedFromTheSessionsPageAfterConfirmingTheHours() {
        var client = testClients.activeWith("counsellor3");
        scheduling.setMyWorkingHours(List.of(new DayHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))));
        try {
            UI.getCurrent().navigate(SessionsView.class, client.code());
            var view = _get(SessionsView.class);
            var first = charity.today()
                    .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                    .plusWeeks(60)
                    .atTime(18, 0);
            view.start.setValue(first);
            view.repeat.setValue(Recurrence.Frequency.FORTNIGHTLY);
            _click(view.book);
            assertThat(view.sessions.isInvalid()).isTrue();
            assertThat(view.sessions.getErrorMessage()).isEqualTo(SchedulingService.SESSIONS_OR_UNTIL);
            view.sessions.setValue(3);
            _click(view.book);
            var hours = _get(Dialog.class, spec -> spec.withClasses("outside-hours-dialog"));
            _click(_get(hours, Button.class, spec -> spec.withText("Book anyway")));
            assertThat(view.bookingMessage.getText()).startsWith("Booked 3 appointments");
        } finally {
            scheduling.setMyWorkingHours(List.of());
        }
    }
}
