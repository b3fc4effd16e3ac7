package org.casebook.supervision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.casebook.supervision.SupervisionRecordDetails;
import org.casebook.supervision.SupervisionRecordSummary;
import org.casebook.supervision.SupervisionRecords;
import org.jspecify.annotations.Nullable;

/**
 * Clinical supervision records at {@code /supervision/records}: a supervisor's own records (to write and
 * change) and a counsellor's records of their own supervision (to read). Nobody else's.
 */
@Route("supervision/records")
@PageTitle("Supervision records | Casebook")
@com.vaadin.flow.router.Menu(order = 42, title = "Supervision records", icon = "vaadin:notebook")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class SupervisionRecordsView extends VerticalLayout {

    static final DateTimeFormatter DAY = org.casebook.ui.Dates.DAY;

    final Grid<SupervisionRecordSummary> grid = new Grid<>();
    final Button newRecord = new Button("New supervision record", VaadinIcon.PLUS.create());
    final Div detail = new Div();
    final @Nullable SupervisionRecordForm form;

    private final SupervisionRecords records;

    SupervisionRecordsView(SupervisionRecords records, CurrentUser currentUser) {
        this.records = records;
        addClassName("supervision-records-view");
        add(new H1("Supervision records"));
        var supervisor = currentUser.require().hasRole(Role.SUPERVISOR);
        form = supervisor ? new SupervisionRecordForm(records, this::saved, this::closeDetail) : null;
        if (supervisor) {
            newRecord.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newRecord.addClickListener(click -> {
                form.startNew();
                showInDetail(form);
            });
            add(newRecord);
        }
        grid.addColumn(r -> DAY.format(r.heldOn()))
                .setHeader("Date")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(SupervisionRecordSummary::counsellorName)
                .setHeader("Counsellor")
                .setAutoWidth(true);
        grid.addColumn(SupervisionRecordSummary::supervisorName)
                .setHeader("Supervisor")
                .setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.clientCodes()))
                .setHeader("Clients discussed")
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No supervision records yet.");
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setWidthFull();
        grid.setHeight("16rem");
        add(grid);
        detail.addClassName("supervision-record-detail");
        detail.setWidthFull();
        add(detail);
        refresh();
    }

    private void refresh() {
        grid.setItems(records.mine());
    }

    void open(SupervisionRecordSummary summary) {
        var record = records.open(summary.id());
        if (record.editable() && form != null) {
            form.edit(record);
            showInDetail(form);
        } else {
            showInDetail(readOnly(record));
        }
    }

    private static Div readOnly(SupervisionRecordDetails record) {
        var view = new Div();
        view.addClassName("supervision-record");
        view.add(new H2("Supervision on " + DAY.format(record.heldOn())));
        view.add(new Paragraph("Supervisor: " + record.supervisorName() + ". Counsellor: " + record.counsellorName()
                + ". Clients discussed: "
                + (record.clientCodes().isEmpty() ? "none" : String.join(", ", record.clientCodes()))
                + "."));
        view.add(new H3("Discussion"));
        var discussion = new Paragraph(record.discussion());
        discussion.addClassName("record-text");
        view.add(discussion);
        view.add(new H3("Agreed actions"));
        var actions = new Paragraph(record.agreedActions() == null ? "None recorded." : record.agreedActions());
        actions.addClassName("record-text");
        view.add(actions);
        return view;
    }

    private void showInDetail(com.vaadin.flow.component.Component component) {
        detail.removeAll();
        detail.add(component);
    }

    private void saved(SupervisionRecordDetails record) {
        org.casebook.ui.Feedback.done("Supervision record saved");
        refresh();
        if (form != null) {
            form.edit(record);
        }
    }

    private void closeDetail() {
        detail.removeAll();
    }
}
