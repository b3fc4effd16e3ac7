package org.casebook.tasks.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import org.casebook.KaribuTest;
import org.casebook.client.TestClients;
import org.casebook.session.SessionFixtures;
import org.casebook.tasks.NewTask;
import org.casebook.tasks.TaskService;
import org.casebook.time.CharityClock;
import org.casebook.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

class TasksHomeSectionTest extends KaribuTest {

    @Autowired
    TaskService tasks;

    @Autowired
    TestClients testClients;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    CharityClock charity;

    @Test
    @WithUserDetails("counsellor2")
    void theHomePageListsTasksAndOverdueNotesTogetherWithTheOverdueOnesHighlighted() {
        var client = testClients.activeWith("counsellor2");
        tasks.create(new NewTask(
                "Check in after the hearing (test)",
                charity.today().minusDays(2),
                testClients.id("counsellor2"),
                client.code()));
        tasks.create(
                new NewTask("Book the room (test)", charity.today().plusDays(3), testClients.id("counsellor2"), null));
        var old = testClients.activeWith("counsellor2");
        sessions.recordAttended(
                "counsellor2",
                sessions.booked("counsellor2", old.code(), charity.localNow().minusDays(5)));
        UI.getCurrent().navigate(HomeView.class);
        var card = _get(Div.class, spec -> spec.withClasses("todo-list"));
        assertThat(card.getElement().getTextRecursively())
                .contains(
                        "Check in after the hearing (test)",
                        "Book the room (test)",
                        "sign the session note",
                        old.code(),
                        client.code());
        var overdue = _find(card, ListItem.class, spec -> spec.withClasses("overdue")).stream()
                .map(i -> i.getElement().getTextRecursively())
                .toList();
        assertThat(overdue)
                .anyMatch(t -> t.contains("Check in after the hearing"))
                .anyMatch(t -> t.contains("sign the session note"))
                .noneMatch(t -> t.contains("Book the room"));
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithUserDetails("counsellor3")
    void aReminderThatFailedForGoodIsOnTheToDoListAsOverdue() {
        var client = testClients.assignedTo("counsellor3");
        var appointment = sessions.booked(
                "counsellor3", client.code(), charity.localNow().plusDays(2).withHour(20));
        jdbc.update(
                "update appointment_reminder set state = 'FAILED', attempts = 5, last_error = 'mail server unreachable' "
                        + "where appointment_id = ? and channel = 'EMAIL'",
                appointment);
        UI.getCurrent().navigate(HomeView.class);
        var card = _get(Div.class, spec -> spec.withClasses("todo-list"));
        var overdue = _find(card, ListItem.class, spec -> spec.withClasses("overdue")).stream()
                .map(i -> i.getElement().getTextRecursively())
                .toList();
        assertThat(overdue)
                .anyMatch(t ->
                        t.contains("reminder failed (email, mail server unreachable)") && t.contains(client.code()));
    }

    @Test
    @WithUserDetails("counsellor1")
    void aTaskAddedInTheDialogAppearsAndLeavesWhenDone() {
        UI.getCurrent().navigate(HomeView.class);
        _click(_get(Button.class, spec -> spec.withText("New task")));
        var dialog = _get(TaskDialog.class);
        _click(dialog.save);
        assertThat(dialog.title.isInvalid()).isTrue();
        assertThat(dialog.title.getErrorMessage()).isEqualTo(TaskService.TITLE_NEEDED);
        dialog.title.setValue("Phone the GP surgery (test)");
        dialog.client.setValue("ZZZ-ZZZ");
        _click(dialog.save);
        assertThat(dialog.client.isInvalid()).isTrue();
        assertThat(dialog.title.getValue()).isEqualTo("Phone the GP surgery (test)");
        dialog.client.setValue("");
        _click(dialog.save);
        var card = _get(Div.class, spec -> spec.withClasses("todo-list"));
        assertThat(card.getElement().getTextRecursively()).contains("Phone the GP surgery (test)");
        _click(_get(card, Button.class, spec -> spec.withAttribute("aria-label", "Done: Phone the GP surgery (test)")));
        assertThat(_get(Div.class, spec -> spec.withClasses("todo-list"))
                        .getElement()
                        .getTextRecursively())
                .doesNotContain("Phone the GP surgery (test)");
    }
}
