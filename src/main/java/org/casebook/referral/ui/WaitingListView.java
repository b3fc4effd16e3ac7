package org.casebook.referral.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.casebook.referral.ReferralService;
import org.casebook.referral.ReferralViews.CounsellorOption;
import org.casebook.referral.ReferralViews.QueueRow;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.jspecify.annotations.Nullable;

/**
 * The supervisor's queue for the teams they lead: referrals to triage, the waiting list (by priority, then
 * the date the referral came) and clients assigned but not yet seen. Each row is a client code; the
 * actions open small dialogs, and any refusal by the service is shown as its message.
 */
@Route("waiting-list")
@PageTitle("Waiting list | Casebook")
@Menu(order = 21, title = "Waiting list", icon = "vaadin:clock")
@RolesAllowed(Roles.SUPERVISOR)
public class WaitingListView extends VerticalLayout {

    static final DateTimeFormatter DAY = org.casebook.ui.Dates.DAY;

    final Grid<QueueRow> toTriage = new Grid<>();
    final Grid<QueueRow> waiting = new Grid<>();
    final Grid<QueueRow> assigned = new Grid<>();
    final Div message = new Div();

    /** The dialog now open, for tests. */
    @Nullable
    Dialog dialog;

    final TextArea reason = new TextArea("Reason");
    final ComboBox<Integer> priority = new ComboBox<>("Priority");
    final Grid<CounsellorOption> counsellors = new Grid<>();
    final Button confirm = new Button();
    final Button notEligible = new Button("Not eligible: close");
    final Div dialogError = new Div();

    /** A wait longer than this (six weeks) is marked in the lists. */
    static final int LONG_WAIT_DAYS = 42;

    final H2 waitingHeading = new H2("Waiting");
    final H2 assignedHeading = new H2("Assigned, not yet seen");

    private final ReferralService referrals;
    private final CharityClock charity;

    WaitingListView(ReferralService referrals, CharityClock charity) {
        this.referrals = referrals;
        this.charity = charity;
        addClassName("waiting-list-view");
        add(new H1("Waiting list"));
        message.addClassName("form-success");
        message.setVisible(false);
        add(message);

        add(new H2("To triage"));
        configure(toTriage, "Nothing to triage. New referrals for your teams appear here.");
        toTriage.addComponentColumn(row -> row.status() == org.casebook.client.CaseStatus.RECEIVED
                        ? new Button("Triage", c -> openTriage(row))
                        : new Button("Add to waiting list", c -> openPriority(row)))
                .setKey("action")
                .setAutoWidth(true);
        add(toTriage);

        add(waitingHeading);
        configure(waiting, "Nobody is waiting. Triaged referrals appear here once you add them to the waiting list.");
        waiting.addColumn(row -> row.priority() == null ? "" : String.valueOf(row.priority()))
                .setHeader("Priority")
                .setKey("priority")
                .setAutoWidth(true);
        waiting.addComponentColumn(row -> new Button("Assign", c -> openAssign(row, false)))
                .setKey("action")
                .setAutoWidth(true);
        lazy(waiting);
        add(waiting);

        add(assignedHeading);
        configure(assigned, "No client is waiting for a first session. Assign someone from the waiting list above.");
        assigned.addColumn(row -> row.counsellor() == null ? "" : row.counsellor())
                .setHeader("Counsellor")
                .setAutoWidth(true);
        assigned.addComponentColumn(row -> new Button("Reassign", c -> openAssign(row, true)))
                .setKey("action")
                .setAutoWidth(true);
        lazy(assigned);
        add(assigned);

        priority.setItems(1, 2, 3);
        priority.setItemLabelGenerator(p -> switch (p) {
            case 1 -> "1: most urgent";
            case 2 -> "2: soon";
            default -> "3: routine";
        });
        reason.setWidthFull();
        counsellors.addColumn(CounsellorOption::name).setHeader("Counsellor").setAutoWidth(true);
        counsellors
                .addColumn(CounsellorOption::openCases)
                .setHeader("Open cases")
                .setAutoWidth(true);
        counsellors
                .addColumn(o -> o.postcodeArea() == null ? "Not recorded" : o.postcodeArea())
                .setHeader("Postcode area")
                .setAutoWidth(true);
        counsellors.setAllRowsVisible(true);
        refresh();
    }

    private void configure(Grid<QueueRow> grid, String empty) {
        grid.addComponentColumn(row -> new Anchor("client/" + row.code(), row.code()))
                .setHeader("Client")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> DAY.format(row.receivedOn()))
                .setHeader("Received")
                .setAutoWidth(true);
        grid.addColumn(this::daysWaiting)
                .setHeader("Days waiting")
                .setKey("daysWaiting")
                .setAutoWidth(true)
                .setPartNameGenerator(row -> waited(row) > LONG_WAIT_DAYS ? "overdue" : null);
        grid.addColumn(row -> row.source() == null ? "" : row.source().label())
                .setHeader("Source")
                .setAutoWidth(true);
        grid.addComponentColumn(WaitingListView::flags)
                .setHeader("Flags")
                .setKey("flags")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(empty);
        grid.setAllRowsVisible(true);
        // Keyboard: Enter on a row opens the client, as the code's link does.
        grid.addCellFocusListener(focus -> focused = focus.getItem().orElse(null));
        grid.getElement()
                .addEventListener("keydown", key -> {
                    if (focused != null) {
                        var code = focused.code();
                        getUI().ifPresent(ui -> ui.navigate("client/" + code));
                    }
                })
                .setFilter("event.key === 'Enter'");
    }

    /** The row that has keyboard focus in any of the lists. */
    @Nullable
    QueueRow focused;

    long waited(QueueRow row) {
        return java.time.temporal.ChronoUnit.DAYS.between(row.receivedOn(), charity.today());
    }

    private String daysWaiting(QueueRow row) {
        long days = waited(row);
        return days > LONG_WAIT_DAYS ? days + " (over 6 weeks)" : String.valueOf(days);
    }

    /** A queue that can be long: a bounded-height grid loading pages of at most 50, with the total in its heading. */
    private static void lazy(Grid<QueueRow> grid) {
        grid.setAllRowsVisible(false);
        grid.setHeight("22em");
        grid.setPageSize(ReferralService.QUEUE_PAGE);
    }

    static Component flags(QueueRow row) {
        var flags = new HorizontalLayout();
        flags.setSpacing(true);
        if (row.childAtRisk()) {
            var badge = new Span("Child at risk");
            badge.getElement().getThemeList().add("badge error primary");
            badge.addClassName("child-at-risk-flag");
            flags.add(badge);
        }
        if (row.matchElsewhere()) {
            var badge = new Span("Possible match in another team");
            badge.getElement().getThemeList().add("badge contrast");
            badge.getElement()
                    .setAttribute(
                            "title",
                            "The details match a client the person taking the referral may "
                                    + "not open. The audit log names the client; check with that client's supervisor.");
            badge.addClassName("match-elsewhere-flag");
            flags.add(badge);
        }
        if (row.urgent()) {
            var badge = new Span("Urgent");
            badge.getElement().getThemeList().add("badge error");
            badge.getElement().setAttribute("title", row.urgentBecause());
            flags.add(badge);
        }
        return flags;
    }

    void refresh() {
        toTriage.setItems(referrals.toTriage());
        long waitingCount = referrals.waitingCount();
        waitingHeading.setText("Waiting (" + waitingCount + ")");
        waiting.setItemsPageable(referrals::waitingList, page -> (int) waitingCount);
        long assignedCount = referrals.assignedNotSeenCount();
        assignedHeading.setText("Assigned, not yet seen (" + assignedCount + ")");
        assigned.setItemsPageable(referrals::assignedNotSeen, page -> (int) assignedCount);
    }

    private void openTriage(QueueRow row) {
        reason.clear();
        reason.setInvalid(false);
        reason.setLabel("Why eligible or not");
        priority.clear();
        priority.setHelperText("An eligible client joins the waiting list at this priority.");
        confirm.setText("Eligible");
        var dialog = open(
                "Triage " + row.code(),
                new Paragraph("Eligible: an adult within the charity's remit. "
                        + "Not eligible closes the case with your reason."),
                reason,
                priority);
        notEligible.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(notEligible);
        // Triage and the waiting-list priority in one step: the priority is asked before anything is recorded.
        act(
                dialog,
                confirm,
                () -> {
                    if (priority.getValue() == null) {
                        throw new InvalidFields("priority", "Choose a priority for the waiting list.");
                    }
                    referrals.triage(row.code(), true, reason.getValue());
                    referrals.addToWaitingList(row.code(), priority.getValue());
                },
                () -> row.code() + " triaged as eligible and added to the waiting list, priority "
                        + priority.getValue());
        act(
                dialog,
                notEligible,
                () -> referrals.triage(row.code(), false, reason.getValue()),
                () -> row.code() + " triaged: not eligible, case closed");
    }

    private void openPriority(QueueRow row) {
        priority.clear();
        confirm.setText("Add to waiting list");
        var dialog = open("Waiting list: " + row.code(), priority);
        act(
                dialog,
                confirm,
                () -> {
                    if (priority.getValue() == null) {
                        throw new InvalidFields("priority", "Choose a priority.");
                    }
                    referrals.addToWaitingList(row.code(), priority.getValue());
                },
                () -> row.code() + " added to the waiting list");
    }

    private void openAssign(QueueRow row, boolean reassign) {
        reason.clear();
        reason.setInvalid(false);
        reason.setLabel(reassign ? "Why reassign" : "Why this counsellor");
        List<CounsellorOption> options = referrals.assignmentOptions(row.code());
        counsellors.setItems(options);
        counsellors.deselectAll();
        confirm.setText(reassign ? "Reassign" : "Assign");
        var dialog = open(
                (reassign ? "Reassign " : "Assign ") + row.code(),
                new Paragraph("Counsellors excluded from this client are not offered."),
                counsellors,
                reason);
        act(
                dialog,
                confirm,
                () -> {
                    var chosen = counsellors.asSingleSelect().getValue();
                    if (chosen == null) {
                        throw new InvalidFields("counsellor", "Choose a counsellor.");
                    }
                    referrals.assign(row.code(), chosen.id(), reason.getValue());
                },
                () -> row.code()
                        + (reassign ? " reassigned to " : " assigned to ")
                        + java.util.Objects.requireNonNull(
                                        counsellors.asSingleSelect().getValue())
                                .name());
    }

    private Dialog open(String title, Component... content) {
        var opened = new Dialog();
        opened.setHeaderTitle(title);
        opened.setWidth("36em");
        opened.add(content);
        dialogError.setText("");
        dialogError.setVisible(false);
        dialogError.addClassName("form-error");
        opened.add(dialogError);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        opened.getFooter().add(new Button("Cancel", c -> opened.close()), confirm);
        opened.addDialogCloseActionListener(e -> opened.close());
        opened.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                opened.removeFromParent();
            }
        });
        dialog = opened;
        opened.open();
        return opened;
    }

    private void act(Dialog opened, Button button, Runnable action, java.util.function.Supplier<String> done) {
        var registration = new com.vaadin.flow.shared.Registration[1];
        registration[0] = button.addClickListener(click -> {
            try {
                action.run();
            } catch (InvalidFields
                    | IllegalStateException
                    | org.springframework.security.access.AccessDeniedException refused) {
                dialogError.setText(refused.getMessage());
                dialogError.setVisible(true);
                return;
            }
            var said = done.get();
            opened.close();
            message.setText(said + ".");
            message.setVisible(true);
            org.casebook.ui.Feedback.done(said);
            refresh();
        });
        opened.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                registration[0].remove();
            }
        });
    }
}
