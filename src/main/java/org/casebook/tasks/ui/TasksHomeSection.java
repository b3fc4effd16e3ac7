package org.casebook.tasks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.casebook.riskplan.PlanService;
import org.casebook.security.Role;
import org.casebook.security.StaffUser;
import org.casebook.session.SessionNoteService;
import org.casebook.tasks.TaskRow;
import org.casebook.tasks.TaskService;
import org.casebook.time.CharityClock;
import org.jspecify.annotations.Nullable;

/**
 * On the home page of counsellors and supervisors: one list of what to do, soonest first, overdue
 * highlighted. It holds the person's tasks and the prompts Casebook raises elsewhere (notes overdue for
 * signing, plan reviews overdue, check-ins around a date that raises a client's risk to self, appointment
 * reminders that failed to send).
 */
@org.springframework.stereotype.Component
class TasksHomeSection implements org.casebook.ui.HomeSection {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    static final int CHECK_IN_DAYS_BEFORE = 3;
    static final int CHECK_IN_DAYS_AFTER = 2;

    /** One line of the list: a task (with its id, so it can be ticked off) or a prompt from another module. */
    record ToDo(
            LocalDate due,
            String what,
            @Nullable String clientCode,
            @Nullable String link,
            @Nullable TaskRow task,
            boolean overdue) {}

    private final TaskService tasks;
    private final SessionNoteService notes;
    private final PlanService plans;
    private final org.casebook.session.ReminderService reminders;
    private final CharityClock charity;

    TasksHomeSection(
            TaskService tasks,
            SessionNoteService notes,
            PlanService plans,
            org.casebook.session.ReminderService reminders,
            CharityClock charity) {
        this.reminders = reminders;
        this.tasks = tasks;
        this.notes = notes;
        this.plans = plans;
        this.charity = charity;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public Optional<Component> create(StaffUser user) {
        if (!user.hasRole(Role.COUNSELLOR) && !user.hasRole(Role.SUPERVISOR)) {
            return Optional.empty();
        }
        var card = new Div();
        card.addClassNames("role-card", "todo-list");
        fill(card);
        return Optional.of(card);
    }

    private void fill(Div card) {
        card.removeAll();
        var add = new Button("New task", click -> new TaskDialog(tasks, charity, null, () -> fill(card)).open());
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        card.add(new H2("To do"), add);
        var items = toDo();
        if (items.isEmpty()) {
            card.add(new Paragraph("Nothing to do today."));
            return;
        }
        var list = new UnorderedList();
        for (var item : items) {
            var line = new ListItem();
            line.addClassName("todo");
            if (item.overdue()) {
                line.addClassName("overdue");
                var badge = new Span("Overdue");
                badge.getElement().getThemeList().add("badge error small");
                line.add(badge, new Span(" "));
            }
            line.add(new Span(DAY.format(item.due()) + ": " + item.what()));
            if (item.clientCode() != null) {
                line.add(
                        new Span(" · "),
                        item.link() == null ? new Span(item.clientCode()) : new Anchor(item.link(), item.clientCode()));
            }
            var task = item.task();
            if (task != null) {
                if (!task.assignee().equals(task.setBy())) {
                    line.add(new Span(" (from " + task.setBy() + ")"));
                }
                var done = new Button("Done", click -> {
                    tasks.complete(task.id());
                    fill(card);
                });
                done.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                done.getElement().setAttribute("aria-label", "Done: " + task.title());
                line.add(new Span(" "), done);
            }
            list.add(line);
        }
        card.add(list);
    }

    List<ToDo> toDo() {
        var today = charity.today();
        var items = new ArrayList<ToDo>();
        for (var task : tasks.mine()) {
            items.add(new ToDo(
                    task.due(),
                    task.title(),
                    task.clientCode(),
                    task.clientCode() == null ? null : "client/" + task.clientCode(),
                    task,
                    task.overdue()));
        }
        for (var note : notes.myOverdue()) {
            items.add(new ToDo(
                    charity.dateOf(note.appointmentAt()),
                    "sign the session note",
                    note.clientCode(),
                    "note/" + note.appointmentId(),
                    null,
                    true));
        }
        for (var review : plans.overdueReviews()) {
            items.add(new ToDo(
                    review.due(),
                    "review the risk-minimisation plan",
                    review.code(),
                    "plan/" + review.code(),
                    null,
                    true));
        }
        for (var checkIn : plans.checkInsDue(CHECK_IN_DAYS_BEFORE, CHECK_IN_DAYS_AFTER)) {
            items.add(new ToDo(
                    checkIn.on(),
                    "check in around the " + checkIn.kind().label().toLowerCase(Locale.UK),
                    checkIn.code(),
                    "plan/" + checkIn.code(),
                    null,
                    false));
        }
        for (var failed : reminders.myFailed()) {
            var startsAt = java.util.Objects.requireNonNull(failed.startsAt());
            items.add(new ToDo(
                    charity.dateOf(startsAt),
                    "reminder failed (" + failed.channel().label().toLowerCase(Locale.UK) + ", " + failed.lastError()
                            + "): remind the client another safe way",
                    failed.clientCode(),
                    "sessions/" + failed.clientCode(),
                    null,
                    true));
        }
        items.sort(Comparator.comparing(ToDo::due));
        return items.stream()
                .filter(i -> !i.due().isAfter(today.plusDays(14)) || i.task() != null)
                .toList();
    }
}
