package org.casebook.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.client.ui.ClientView;
import org.casebook.session.SessionFixtures;
import org.casebook.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class SessionHomeSectionsTest extends KaribuTest {

    @Autowired
    SessionFixtures sessions;

    @Autowired
    TestClients testClients;

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneId.of("Europe/London"));
    }

    @Test
    @WithUserDetails("counsellor2")
    void theCounsellorsHomeShowsComingAppointmentsAndOverdueNotes() {
        var client = testClients.activeWith("counsellor2");
        sessions.booked(
                "counsellor2", client.code(), now().plusDays(2).withHour(10).withMinute(0));
        var old = testClients.activeWith("counsellor2");
        var oldSession = sessions.booked("counsellor2", old.code(), now().minusDays(5));
        sessions.recordAttended("counsellor2", oldSession);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_get(Div.class, spec -> spec.withClasses("upcoming-appointments"))
                        .getElement()
                        .getTextRecursively())
                .contains(client.code());
        assertThat(_get(Div.class, spec -> spec.withClasses("overdue-notes"))
                        .getElement()
                        .getTextRecursively())
                .contains(old.code());
    }

    @Test
    @WithUserDetails("supervisor")
    void theSupervisorsHomeListsTheTeamsOverdueNotesByClientCode() {
        var old = testClients.activeWith("counsellor1");
        var oldSession = sessions.booked("counsellor1", old.code(), now().minusDays(4));
        sessions.recordAttended("counsellor1", oldSession);
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_get(UnorderedList.class, spec -> spec.withClasses("team-overdue"))
                        .getElement()
                        .getTextRecursively())
                .contains(old.code(), "Casey Counsellor (demo)");
    }

    @Test
    @WithUserDetails("counsellor1")
    void theClientPageShowsComingAppointmentsAndLeadsToTheSessions() {
        var client = testClients.activeWith("counsellor1");
        sessions.booked(
                "counsellor1", client.code(), now().plusDays(3).withHour(16).withMinute(0));
        UI.getCurrent().navigate(ClientView.class, client.code());
        var card = _get(
                com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withClasses("client-sessions"));
        assertThat(card.getElement().getTextRecursively()).contains("(Video)", "Appointments, notes and CORE-10");
    }

    @Test
    void aFullOverdueListSaysItShowsTheOldestOnly() {
        var note = new org.casebook.session.OverdueNote(
                java.util.UUID.randomUUID(), "ABC-DEF", java.time.Instant.EPOCH, 1, "Someone (demo)");
        assertThat(SessionHomeSections.oldestOnly(java.util.Collections.nCopies(3, note)))
                .isEmpty();
        assertThat(SessionHomeSections.oldestOnly(
                        java.util.Collections.nCopies(org.casebook.session.SessionNoteService.OVERDUE_LIST, note)))
                .contains("The 50 oldest are shown");
    }

    @Test
    @WithUserDetails("supervisor")
    void theSupervisorsHomeAndDashboardQueueTheTeamsSignedNotesToCoSignAndEachRowOpensItsNote() {
        var signed = sessions.signed("counsellor1", "Signed for review (demo)");
        UI.getCurrent().navigate(HomeView.class);
        var queue = _get(CoSignQueue.class);
        var row = queue.rows
                .getChildren()
                .map(c -> c.getElement().getTextRecursively())
                .filter(text -> text.contains(signed.code()))
                .findFirst();
        assertThat(row).hasValueSatisfying(text -> assertThat(text).contains("Casey Counsellor (demo)"));
        assertThat(queue.getElement().getChild(0).getText()).isEqualTo("Notes to co-sign");
        assertThat(queue.rows
                        .getElement()
                        .getChildren()
                        .flatMap(li -> li.getChildren())
                        .filter(e -> e.getTag().equals("a"))
                        .map(a -> a.getAttribute("href")))
                .contains("note/" + signed.appointment());

        UI.getCurrent().navigate(org.casebook.supervision.ui.SupervisionView.class);
        assertThat(_get(CoSignQueue.class).getElement().getTextRecursively()).contains(signed.code());

        UI.getCurrent().navigate(NoteView.class, signed.appointment().toString());
        var note = _get(NoteView.class);
        assertThat(note.coSignComment.isRequiredIndicatorVisible()).isTrue();
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(note.coSignComment, "Reviewed in supervision (demo)");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(note.coSign);
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("Note co-signed");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_get(CoSignQueue.class).getElement().getTextRecursively()).doesNotContain(signed.code());
    }

    @Test
    @WithUserDetails("counsellor1")
    void aCounsellorHasNoCoSignQueue() {
        UI.getCurrent().navigate(HomeView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(CoSignQueue.class);
    }
}
