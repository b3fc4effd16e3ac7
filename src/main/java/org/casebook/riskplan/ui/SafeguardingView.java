package org.casebook.riskplan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import org.casebook.riskplan.ConcernRow;
import org.casebook.riskplan.ConcernStatus;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.springframework.beans.factory.annotation.Value;

/**
 * The safeguarding queue at {@code /safeguarding}: for supervisors every open concern, immediate danger first
 * and marked out, then the oldest; for a counsellor the concerns they raised. Polls every 30 seconds, so a new
 * concern appears without a reload.
 */
@Route("safeguarding")
@PageTitle("Safeguarding | Casebook")
@Menu(order = 30, title = "Safeguarding", icon = "vaadin:shield")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class SafeguardingView extends VerticalLayout {

    static final int POLL_MILLIS = 30_000;

    final Grid<ConcernRow> concerns = new Grid<>(ConcernRow.class, false);
    final Checkbox showClosed = new Checkbox("Show closed concerns too");

    private final SafeguardingService safeguarding;
    private final boolean supervisor;
    private com.vaadin.flow.shared.@org.jspecify.annotations.Nullable Registration polling;

    final com.vaadin.flow.component.html.Div escalation = new com.vaadin.flow.component.html.Div();

    private final ConcernWaiting waiting;

    SafeguardingView(
            SafeguardingService safeguarding,
            CurrentUser currentUser,
            @Value("${casebook.time-zone}") ZoneId zone,
            ConcernWaiting waiting) {
        this.safeguarding = safeguarding;
        this.waiting = waiting;
        this.supervisor = currentUser.require().hasRole(Role.SUPERVISOR);
        addClassName("safeguarding-view");
        add(new H1("Safeguarding"));
        add(new Paragraph(
                supervisor
                        ? "Every open concern, for every designated safeguarding lead. Immediate danger comes first."
                        : "The concerns you raised, and where they stand. Your supervisor decides on each."));
        escalation.addClassName("escalation");
        escalation.getElement().setAttribute("role", "alert");
        escalation.setVisible(false);
        add(escalation);
        concerns.addComponentColumn(r -> waiting.escalated(r) ? escalated() : danger(r))
                .setHeader("Danger")
                .setAutoWidth(true);
        concerns.addComponentColumn(r -> new Anchor("safeguarding/concern/" + r.id(), r.code()))
                .setHeader("Client")
                .setAutoWidth(true);
        concerns.addColumn(r -> r.category().label()).setHeader("Category");
        concerns.addComponentColumn(SafeguardingView::status)
                .setHeader("Status")
                .setAutoWidth(true);
        concerns.addColumn(r -> org.casebook.ui.Dates.when(r.raisedAt(), zone)).setHeader("Raised");
        concerns.addColumn(waiting::inWords)
                .setHeader("Waiting for a decision")
                .setKey("waiting")
                .setAutoWidth(true);
        concerns.addColumn(r -> r.myTeam() ? "Your team" : "").setHeader("Team").setAutoWidth(true);
        concerns.setPartNameGenerator(
                r -> r.immediate() && r.status() != ConcernStatus.CLOSED ? "concern-immediate" : null);
        concerns.setAllRowsVisible(true);
        if (supervisor) {
            showClosed.addValueChangeListener(e -> refresh());
            add(showClosed);
        }
        add(concerns);
        refresh();
        addAttachListener(attach -> {
            attach.getUI().setPollInterval(POLL_MILLIS);
            polling = attach.getUI().addPollListener(poll -> refresh());
        });
        addDetachListener(detach -> {
            detach.getUI().setPollInterval(-1);
            if (polling != null) {
                polling.remove();
                polling = null;
            }
        });
    }

    void refresh() {
        List<ConcernRow> rows = supervisor ? safeguarding.queue(showClosed.getValue()) : safeguarding.raisedByMe();
        concerns.setItems(rows);
        var overdue = rows.stream().filter(waiting::escalated).count();
        escalation.setVisible(overdue > 0);
        escalation.setText(
                overdue == 0
                        ? ""
                        : (overdue == 1
                                        ? "A concern in immediate danger has"
                                        : overdue + " concerns in immediate danger have")
                                + " waited more than "
                                + ConcernWaiting.words(waiting.escalateAfter())
                                + " for a decision. Decide now, or call the "
                                + "designated safeguarding lead on duty.");
    }

    private static Component escalated() {
        var badge = new Span("ESCALATED: immediate danger, undecided");
        badge.getElement().getThemeList().add("badge error primary");
        badge.addClassName("escalated");
        return badge;
    }

    static Component danger(ConcernRow row) {
        var badge = new Span(row.immediate() ? "IMMEDIATE DANGER" : "Not immediate");
        badge.getElement().getThemeList().add(row.immediate() ? "badge error primary" : "badge contrast");
        return badge;
    }

    static Component status(ConcernRow row) {
        var badge = new Span(row.status().label());
        badge.getElement()
                .getThemeList()
                .add(
                        switch (row.status()) {
                            case OPEN -> "badge error";
                            case DECIDED -> "badge";
                            case CLOSED -> "badge success";
                        });
        return badge;
    }
}
