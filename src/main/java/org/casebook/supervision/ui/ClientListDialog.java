package org.casebook.supervision.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.casebook.client.ClientRef;
import org.jspecify.annotations.Nullable;

/** The list behind a figure: client codes, each opening the client page, and an optional action per client. */
class ClientListDialog extends Dialog {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    final Grid<ClientRef> grid = new Grid<>();

    ClientListDialog(String title, String explanation, List<ClientRef> clients,
            @Nullable Function<ClientRef, Component> action) {
        setHeaderTitle(title);
        addClassName("figure-dialog");
        setWidth("min(48rem, 95vw)");
        add(new Paragraph(explanation));
        grid.addComponentColumn(ClientListDialog::link).setHeader("Client").setAutoWidth(true).setFlexGrow(0)
                .setKey("client");
        grid.addColumn(c -> c.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(c -> DAY.format(c.receivedOn())).setHeader("Referral received").setAutoWidth(true);
        if (action != null) {
            grid.addComponentColumn(action::apply).setAutoWidth(true).setKey("action");
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No clients.");
        grid.setItems(clients);
        add(grid);
        var close = new Button("Close", click -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close);
    }

    static Anchor link(ClientRef client) {
        var link = new Anchor("client/" + client.code(), client.code());
        link.addClassName("client-code");
        return link;
    }
}
