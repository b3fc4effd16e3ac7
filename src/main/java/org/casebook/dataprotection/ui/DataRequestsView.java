package org.casebook.dataprotection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.casebook.client.ClientAccessDenied;
import org.casebook.dataprotection.DataRequestRow;
import org.casebook.dataprotection.DataRequestService;
import org.casebook.dataprotection.RequestKind;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;

/**
 * The request log: a supervisor logs a subject access, erasure or rectification request for a client of their
 * teams, and sees every open one with its due date (one month from receipt) until it is done.
 */
@Route("data-protection/requests")
@PageTitle("Data requests | Casebook")
@RolesAllowed(Roles.SUPERVISOR)
@Menu(order = 86, title = "Data requests", icon = "vaadin:user-card")
public class DataRequestsView extends VerticalLayout {

    final TextField code = new TextField("Client code");
    final Select<RequestKind> kind = new Select<>();
    final DatePicker receivedOn = new DatePicker("Date received");
    final Button log = new Button("Log request");
    final Grid<DataRequestRow> open = new Grid<>();

    private final DataRequestService requests;
    private final CharityClock charity;

    DataRequestsView(DataRequestService requests, CharityClock charity) {
        this.requests = requests;
        this.charity = charity;
        addClassName("data-requests");
        add(new H1("Data requests"));
        add(new Paragraph("Requests from clients to see their records, to correct them or to erase them. Each must be "
                + "answered within one month of receipt."));
        kind.setLabel("Request");
        kind.setItems(RequestKind.values());
        kind.setItemLabelGenerator(RequestKind::label);
        code.setMaxLength(20);
        FieldMessages.limit(receivedOn, DateRange.RECENT_PAST, charity.today());
        receivedOn.setValue(charity.today());
        log.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        log.addClickListener(click -> log());
        var form = new HorizontalLayout(code, kind, receivedOn, log);
        form.setAlignItems(Alignment.BASELINE);
        add(form);
        add(new H2("Open requests"));
        open.addComponentColumn(r -> new Anchor("data-protection/request/" + r.id(), r.clientCode()))
                .setHeader("Client")
                .setAutoWidth(true);
        open.addColumn(r -> r.kind().label()).setHeader("Request").setAutoWidth(true);
        open.addColumn(r -> DataRetentionView.DAY.format(r.receivedOn()))
                .setHeader("Received")
                .setAutoWidth(true);
        open.addComponentColumn(this::due).setHeader("Due").setAutoWidth(true);
        open.setEmptyStateText("No request is open in your teams.");
        open.setAllRowsVisible(true);
        add(open);
        refresh();
    }

    void refresh() {
        open.setItems(requests.open());
    }

    private Component due(DataRequestRow row) {
        var due = new Span(DataRetentionView.DAY.format(row.dueOn()));
        if (row.overdueOn(charity.today())) {
            due.setText(due.getText() + " (overdue)");
            due.getElement().getThemeList().add("badge error");
        }
        return due;
    }

    void log() {
        FieldMessages.clear(code, kind, receivedOn);
        java.util.UUID id;
        try {
            id = requests.log(code.getValue(), kind.getValue(), receivedOn.getValue());
        } catch (InvalidFields invalid) {
            FieldMessages.show(invalid, Map.of("kind", kind, "receivedOn", receivedOn));
            return;
        } catch (ClientAccessDenied denied) {
            code.setErrorMessage(denied.getMessage());
            code.setInvalid(true);
            return;
        }
        UI.getCurrent().navigate("data-protection/request/" + id);
    }
}
