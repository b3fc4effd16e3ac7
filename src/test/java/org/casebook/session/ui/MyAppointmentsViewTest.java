package org.casebook.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.security.ui.LoginView;
import org.casebook.session.SessionFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class MyAppointmentsViewTest extends KaribuTest {

    @Autowired
    SessionFixtures sessions;

    @Autowired
    TestClients testClients;

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(MyAppointmentsView.class);
        _get(LoginView.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(MyAppointmentsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorSeesTheirComingAppointmentsByClientCode() {
        var client = testClients.activeWith("counsellor1");
        sessions.booked(
                "counsellor1",
                client.code(),
                LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(1));
        var theirs = testClients.activeWith("counsellor2");
        sessions.booked(
                "counsellor2",
                theirs.code(),
                LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(1));
        UI.getCurrent().navigate(MyAppointmentsView.class);
        var view = _get(MyAppointmentsView.class);
        assertThat(view.upcoming.getElement().getTextRecursively())
                .contains(client.code())
                .doesNotContain(theirs.code());
    }
}
