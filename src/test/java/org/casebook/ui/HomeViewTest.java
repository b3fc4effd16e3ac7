package org.casebook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.casebook.KaribuTest;
import org.casebook.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

class HomeViewTest extends KaribuTest {

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(HomeView.class);
        _get(LoginView.class);
        _assertNone(HomeView.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorIsGreetedByFirstNameAndToldWhatACounsellorDoes() {
        UI.getCurrent().navigate(HomeView.class);
        var view = _get(HomeView.class);
        assertThat(view.greeting.getText()).matches("Good (morning|afternoon|evening), Casey\\.");
        _get(Div.class, spec -> spec.withClasses("role-card-counsellor"));
        _assertNone(Div.class, spec -> spec.withClasses("role-card-supervisor"));
        _assertNone(Div.class, spec -> spec.withClasses("role-card-admin"));
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorSeesTheCounsellorsOfTheirTeam() {
        UI.getCurrent().navigate(HomeView.class);
        var team = _get(UnorderedList.class, spec -> spec.withClasses("team-list"));
        var names = team.getChildren().map(c -> ((ListItem) c).getText()).toList();
        assertThat(names).containsExactly("Casey Counsellor (demo)", "Robin Counsellor (demo)");
        _assertNone(Div.class, spec -> spec.withClasses("role-card-counsellor"));
    }

    @Test
    @WithUserDetails("admin")
    void administratorSeesAccountCountsAndNoClinicalIntroduction() {
        UI.getCurrent().navigate(HomeView.class);
        var card = _get(Div.class, spec -> spec.withClasses("role-card-admin"));
        _get(
                card,
                Paragraph.class,
                spec -> spec.withText("Active accounts: 6 (counsellors 3, supervisors 2, administrators 1)."));
        _assertNone(Div.class, spec -> spec.withClasses("role-card-counsellor"));
        _assertNone(UnorderedList.class, spec -> spec.withClasses("team-list"));
    }

    @Test
    void greetingFollowsTheTimeOfDay() {
        var london = ZoneId.of("Europe/London");
        assertThat(HomeView.greetingFor(ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, london)))
                .isEqualTo("Good morning");
        assertThat(HomeView.greetingFor(ZonedDateTime.of(2026, 11, 23, 12, 0, 0, 0, london)))
                .isEqualTo("Good afternoon");
        assertThat(HomeView.greetingFor(ZonedDateTime.of(2026, 11, 23, 18, 0, 0, 0, london)))
                .isEqualTo("Good evening");
    }
}
