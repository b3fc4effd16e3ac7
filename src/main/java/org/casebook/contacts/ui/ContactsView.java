package org.casebook.contacts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.casebook.contacts.ContactRow;
import org.casebook.contacts.ContactService;
import org.casebook.security.Roles;

/** The directory of third parties at {@code /contacts}: professionals only; links to clients are on client pages. */
@Route("contacts")
@PageTitle("Contacts | Casebook")
@Menu(order = 26, title = "Contacts", icon = "vaadin:book")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ContactsView extends VerticalLayout {

    final Grid<ContactRow> grid = new Grid<>();
    final Button add = new Button("Add a contact", VaadinIcon.PLUS.create());

    private final ContactService contacts;

    ContactsView(ContactService contacts) {
        this.contacts = contacts;
        addClassName("contacts-view");
        add(
                new H1("Contacts"),
                new Paragraph("Probation officers, GPs, solicitors, social workers and police contacts. "
                        + "Link them to a client on the client's page."));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> new ContactDialog(contacts, saved -> refresh()).open());
        grid.addColumn(ContactRow::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(r -> r.role().label()).setHeader("Role").setAutoWidth(true);
        grid.addColumn(r -> r.organisation() == null ? "" : r.organisation())
                .setHeader("Organisation")
                .setFlexGrow(1);
        grid.addColumn(r -> r.phone() == null ? "" : r.phone())
                .setHeader("Phone")
                .setAutoWidth(true);
        grid.addColumn(r -> r.email() == null ? "" : r.email())
                .setHeader("Email")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No contacts yet.");
        grid.setWidthFull();
        add(add, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(contacts.directory());
    }
}
