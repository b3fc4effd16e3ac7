package org.casebook.client.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.casebook.client.CaseloadRow;
import org.casebook.client.ClientService;
import org.casebook.client.RiskLevel;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * "My caseload": the clients the signed-in person may see, by client code only, loaded page by page and sorted
 * in the database (client, status, received). Search by part of a client code or of the preferred name (the
 * name is never shown here). Click a row, or press Enter on it, to open the client page. Risk levels are
 * badges drawn by one template per column ({@link LitRenderer}), not components per row, and an overdue plan
 * review is marked.
 */
@Route("clients")
@PageTitle("Caseload | Casebook")
@Menu(order = 10, title = "Caseload", icon = "vaadin:folder-open")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class CaseloadView extends VerticalLayout {

    static final DateTimeFormatter WHEN = org.casebook.ui.Dates.WHEN;
    static final DateTimeFormatter DAY = org.casebook.ui.Dates.DAY;
    /** The browser sends a keydown to the server only for Enter. */
    static final String ENTER = "event.key === 'Enter'";

    final TextField search = new TextField();
    final Checkbox includeClosed = new Checkbox("Include closed cases");
    final Grid<CaseloadRow> grid = new Grid<>();

    private final ClientService clients;
    private final CharityClock charity;
    /** The row that has keyboard focus (from the grid's cell focus events). */
    @Nullable
    CaseloadRow focused;

    CaseloadView(ClientService clients, CharityClock charity, @Value("${casebook.time-zone}") ZoneId zone) {
        this.clients = clients;
        this.charity = charity;
        setSizeFull();
        add(new H1("Caseload"));

        search.setPlaceholder("Client code or preferred name");
        search.setAriaLabel("Search by client code or preferred name");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        includeClosed.addValueChangeListener(change -> refresh());
        var filters = new HorizontalLayout(search, includeClosed);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters);

        grid.addColumn(CaseloadRow::code)
                .setHeader("Client")
                .setSortProperty("code")
                .setKey("code")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row.status().label())
                .setHeader("Status")
                .setSortProperty("status")
                .setKey("status")
                .setAutoWidth(true);
        grid.addColumn(row -> DAY.format(row.receivedOn()))
                .setHeader("Received")
                .setSortProperty("receivedOn")
                .setKey("receivedOn")
                .setAutoWidth(true);
        grid.addColumn(row -> orDash(row.counsellor())).setHeader("Counsellor").setAutoWidth(true);
        grid.addColumn(riskBadge(CaseloadRow::riskToOthers))
                .setHeader("Risk to others")
                .setKey("riskToOthers")
                .setAutoWidth(true);
        grid.addColumn(riskBadge(CaseloadRow::riskToSelf))
                .setHeader("Risk to self")
                .setKey("riskToSelf")
                .setAutoWidth(true);
        grid.addColumn(row -> row.nextAppointment() == null
                        ? "None booked"
                        : WHEN.format(row.nextAppointment().atZone(zone)))
                .setHeader("Next appointment")
                .setAutoWidth(true);
        grid.addColumn(this::reviewDue)
                .setHeader("Plan review due")
                .setKey("planReviewDue")
                .setAutoWidth(true)
                .setPartNameGenerator(row -> overdue(row) ? "overdue" : null);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(click -> open(click.getItem()));
        // Enter on a focused row opens it, as a click does.
        grid.addCellFocusListener(focus -> focused = focus.getItem().orElse(null));
        grid.getElement()
                .addEventListener("keydown", key -> {
                    if (focused != null) {
                        open(focused);
                    }
                })
                .setFilter(ENTER);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void open(CaseloadRow row) {
        getUI().ifPresent(ui -> ui.navigate(ClientView.class, row.code()));
    }

    private void refresh() {
        var searched = search.getValue() != null && !search.getValue().isBlank();
        grid.setEmptyStateText(
                searched
                        ? "No client matches \"" + search.getValue().strip()
                                + "\". Check the code or name, or clear the search."
                        : includeClosed.getValue()
                                ? "No clients yet. Clients appear here once a referral is assigned to you or your team."
                                : "No open cases. Tick \"Include closed cases\" to see closed ones; new clients appear here "
                                        + "once a referral is assigned to you or your team.");
        grid.setItemsPageable(page -> clients.caseload(search.getValue(), includeClosed.getValue(), page)
                .getContent());
    }

    boolean overdue(CaseloadRow row) {
        return row.planReviewDue() != null && row.planReviewDue().isBefore(charity.today());
    }

    private String reviewDue(CaseloadRow row) {
        if (row.planReviewDue() == null) {
            return "No plan yet";
        }
        return (overdue(row) ? "Overdue: " : "") + DAY.format(row.planReviewDue());
    }

    /** A risk level as a badge: one template for the column, two properties a row. */
    static LitRenderer<CaseloadRow> riskBadge(Function<CaseloadRow, @Nullable RiskLevel> level) {
        return LitRenderer.<CaseloadRow>of("<span theme=\"badge pill small ${item.theme}\">${item.label}</span>")
                .withProperty("label", row -> label(level.apply(row)))
                .withProperty("theme", row -> theme(level.apply(row)));
    }

    /** A risk level as a badge component, for a page that shows one or two (the client page). */
    static Span risk(@Nullable RiskLevel level) {
        var badge = new Span(label(level));
        badge.getElement().getThemeList().add("badge pill small " + theme(level));
        return badge;
    }

    static String label(@Nullable RiskLevel level) {
        return level == null ? "Not rated" : level.label();
    }

    static String theme(@Nullable RiskLevel level) {
        return level == null
                ? "contrast"
                : level.isHighOrAbove() ? "error" : level == RiskLevel.MEDIUM ? "" : "success";
    }

    private static String orDash(@Nullable String text) {
        return text == null ? "Not assigned" : text;
    }
}
