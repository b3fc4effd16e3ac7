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
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.casebook.client.CaseloadRow;
import org.casebook.client.ClientService;
import org.casebook.client.RiskLevel;
import org.casebook.security.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * "My caseload": the clients the signed-in person may see, by client code only, loaded page by page.
 * A row opens the client page.
 */
@Route("clients")
@PageTitle("Caseload | Casebook")
@Menu(order = 10, title = "Caseload", icon = "vaadin:folder-open")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class CaseloadView extends VerticalLayout {

    static final DateTimeFormatter WHEN = org.casebook.ui.Dates.WHEN;
    static final DateTimeFormatter DAY = org.casebook.ui.Dates.DAY;

    final TextField search = new TextField();
    final Checkbox includeClosed = new Checkbox("Include closed cases");
    final Grid<CaseloadRow> grid = new Grid<>();

    private final ClientService clients;

    CaseloadView(ClientService clients, @Value("${casebook.time-zone}") ZoneId zone) {
        this.clients = clients;
        setSizeFull();
        add(new H1("Caseload"));

        search.setPlaceholder("Search by client code");
        search.setAriaLabel("Search by client code");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        includeClosed.addValueChangeListener(change -> refresh());
        var filters = new HorizontalLayout(search, includeClosed);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters);

        grid.addColumn(CaseloadRow::code).setHeader("Client").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(row -> orDash(row.counsellor())).setHeader("Counsellor").setAutoWidth(true);
        grid.addComponentColumn(row -> risk(row.riskToOthers())).setHeader("Risk to others").setAutoWidth(true);
        grid.addComponentColumn(row -> risk(row.riskToSelf())).setHeader("Risk to self").setAutoWidth(true);
        grid.addColumn(row -> row.nextAppointment() == null ? "None booked"
                : WHEN.format(row.nextAppointment().atZone(zone))).setHeader("Next appointment").setAutoWidth(true);
        grid.addColumn(row -> row.planReviewDue() == null ? "No plan yet" : DAY.format(row.planReviewDue()))
                .setHeader("Plan review due").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No clients to show.");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ClientView.class, click.getItem().code())));
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItemsPageable(page -> clients.caseload(search.getValue(), includeClosed.getValue(), page).getContent());
    }

    static Span risk(@Nullable RiskLevel level) {
        var badge = new Span(level == null ? "Not rated" : level.label());
        badge.getElement().getThemeList().add("badge pill small"
                + (level == null ? " contrast" : level.isHighOrAbove() ? " error" : level == RiskLevel.MEDIUM ? "" : " success"));
        return badge;
    }

    private static String orDash(@Nullable String text) {
        return text == null ? "Not assigned" : text;
    }
}
