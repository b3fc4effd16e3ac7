package org.casebook;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.TestClients;
import org.casebook.riskplan.ConcernCategory;
import org.casebook.riskplan.NewConcern;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.RunAsStaff;
import org.casebook.session.SessionFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access matrix: every route that takes a client code or a record id, for every kind of person who
 * must not see North team's client (a counsellor and the supervisor of another team, a counsellor excluded
 * from the client, an administrator), with the client's real code or id and with one that does not exist.
 * The clinical ones get the same "No access" page either way; the administrator never reaches the route.
 */
class AccessMatrixTest extends KaribuTest {

    /** North team's client, assigned to counsellor1, with a signed note and a safeguarding concern. */
    record Fixture(String code, UUID appointment, UUID concern) {}

    private static Fixture fixture;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    java.time.Clock clock;

    enum Route {
        CLIENT("client/%s", false),
        CONSENT("consent/%s", false),
        PLAN("plan/%s", false),
        SESSIONS("sessions/%s", false),
        RAISE_CONCERN("safeguarding/new/%s", false),
        NOTE("note/%s", true),
        CONCERN("safeguarding/concern/%s", true);

        final String template;
        final boolean byId;

        Route(String template, boolean byId) {
            this.template = template;
            this.byId = byId;
        }
    }

    static Stream<Arguments> everyRouteForEveryOutsider() {
        var cases = new ArrayList<Arguments>();
        for (var route : Route.values()) {
            for (var who : List.of("counsellor3", "supervisor2", "counsellor2 (excluded)", "admin")) {
                for (boolean exists : new boolean[] {true, false}) {
                    cases.add(Arguments.of(route, who, exists));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}, record exists: {2}")
    @MethodSource("everyRouteForEveryOutsider")
    void outsidersGetTheSameRefusalWhetherOrNotTheRecordExists(Route route, String who, boolean exists) {
        var f = fixture();
        String parameter = switch (route) {
            case NOTE -> exists ? f.appointment().toString() : UUID.randomUUID().toString();
            case CONCERN -> exists ? f.concern().toString() : UUID.randomUUID().toString();
            default -> exists ? f.code() : "ZZZ-ZZZ";
        };
        var location = route.template.formatted(parameter);
        var username = who.split(" ")[0];
        runAs.as(username, () -> {
            if (username.equals("admin")) {
                assertThatThrownBy(() -> UI.getCurrent().navigate(location))
                        .isInstanceOf(MockAccessDeniedException.class);
                return;
            }
            UI.getCurrent().navigate(location);
            var heading = _get(H1.class, spec -> spec.withText("No access"));
            var page = heading.getParent().orElseThrow().getElement().getTextRecursively();
            assertThat(page)
                    .contains(ClientAccessDenied.MESSAGE)
                    .doesNotContain("Test Person")
                    .doesNotContain("Presentation (fictional)")
                    .doesNotContain("Fictional concern for the matrix");
        });
    }

    private Fixture fixture() {
        if (fixture == null) {
            var session = sessions.signed("counsellor1", "Presentation (fictional)");
            var today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
            var concern = runAs.as(
                    "counsellor1",
                    () -> safeguarding.raise(new NewConcern(
                            session.code(),
                            "Fictional concern for the matrix",
                            today,
                            ConcernCategory.OTHER,
                            false,
                            "client-page")));
            testClients.exclude(session.client().id(), "counsellor2");
            fixture = new Fixture(session.code(), session.appointment(), concern);
        }
        return fixture;
    }
}
