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
import org.jspecify.annotations.Nullable;

/**
 * The list behind a figure: client codes, each opening the client page, with what the figure counted
 * about each (a status, a session date, a risk level), and an optional action per client.
 */
class ClientListDialog extends Dialog {

    static final DateTimeFormatter DAY = org.casebook.ui.Dates.DAY;

    /** One line behind a figure. */
    record Line(String code, String detail) {}

    final Grid<Line> grid = new Grid<>();

    ClientListDialog(
            String title,
            String explanation,
            String detailHeader,
            List<Line> lines,
            @Nullable Function<Line, Component> action) {
        setHeaderTitle(title);
        addClassName("figure-dialog");
        setWidth("min(48rem, 95vw)");
        add(new Paragraph(explanation));
        grid.addComponentColumn(ClientListDialog::link)
                .setHeader("Client")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("client");
        grid.addColumn(Line::detail).setHeader(detailHeader).setAutoWidth(true).setKey("detail");
        if (action != null) {
            grid.addComponentColumn(action::apply).setAutoWidth(true).setKey("action");
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No clients.");
        grid.setItems(lines);
        add(grid);
        var close = new Button("Close", click -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(close);
    }

    List<String> codes() {
        return grid.getListDataView().getItems().map(Line::code).toList();
    }

    static Anchor link(Line line) {
        var link = new Anchor("client/" + line.code(), line.code());
        link.addClassName("client-code");
        return link;
    }
}
