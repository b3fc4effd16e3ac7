package org.casebook.supervision.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientRef;
import org.casebook.security.Roles;
import org.casebook.supervision.CounsellorFigures;
import org.casebook.supervision.TeamDashboard;
import org.casebook.supervision.TeamOverview;
import org.jspecify.annotations.Nullable;

/**
 * The supervisor's dashboard at {@code /supervision}: where attention is needed across their team. Each
 * figure opens the list behind it (client codes, each opening the client page); charts below.
 */
@Route("supervision")
@PageTitle("Supervision | Casebook")
@Menu(order = 40, title = "Supervision", icon = "vaadin:chart-3d")
@RolesAllowed(Roles.SUPERVISOR)
public class SupervisionView extends VerticalLayout {

    final Grid<CounsellorFigures> grid = new Grid<>();
    final Button waiting = new Button();
    final RouterLink breakGlass = new RouterLink();
    final Div charts = new Div();
    @Nullable ClientListDialog drillDown;
    @Nullable ReassignDialog reassignDialog;

    private final TeamDashboard dashboard;

    SupervisionView(TeamDashboard dashboard) {
        this.dashboard = dashboard;
        addClassName("supervision-view");
        add(new H1("Supervision"));

        waiting.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        waiting.addClassName("figure");
        waiting.addClickListener(click -> showWaitingList());
        breakGlass.setRoute(BreakGlassQueueView.class);
        breakGlass.addClassName("break-glass-link");
        var records = new RouterLink("Supervision records", SupervisionRecordsView.class);
        var summary = new HorizontalLayout(waiting, breakGlass, records);
        summary.addClassName("team-summary");
        summary.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setWrap(true);
        add(summary);

        add(new H2("Counsellors"));
        grid.addColumn(CounsellorFigures::counsellorName).setHeader("Counsellor").setAutoWidth(true).setFlexGrow(1);
        figureColumn("Active caseload", CounsellorFigures::activeCaseload, this::showCaseload);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No counsellors in the teams you lead.");
        grid.setWidthFull();
        add(grid);

        add(new H2("Charts"));
        charts.addClassName("supervision-charts");
        charts.setWidthFull();
        add(charts);
        refresh();
    }

    private void figureColumn(String header, ToLongFunction<CounsellorFigures> figure,
            java.util.function.Consumer<CounsellorFigures> open) {
        grid.addComponentColumn(row -> {
            var count = figure.applyAsLong(row);
            var button = new Button(Long.toString(count), click -> open.accept(row));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            button.addClassName("figure");
            button.setAriaLabel(header + " of " + row.counsellorName() + ": " + count);
            return button;
        }).setHeader(header).setAutoWidth(true).setFlexGrow(0).setKey(header);
    }

    void refresh() {
        var overview = dashboard.overview();
        grid.setItems(overview.counsellors());
        waiting.setText("Waiting for assignment: " + overview.waitingForAssignment());
        var pending = overview.pendingBreakGlassReviews();
        breakGlass.setText(pending == 0 ? "No break-glass access to review"
                : "Break-glass access to review: " + pending);
        breakGlass.getElement().getThemeList().set("badge", pending > 0);
        breakGlass.getElement().getThemeList().set("error", pending > 0);
        charts.removeAll();
        charts.add(chartCard(caseloadByStatus(overview)));
    }

    private static Component chartCard(ChartView chart) {
        var card = new Div(chart);
        card.addClassName("chart-card");
        return card;
    }

    static ChartView caseloadByStatus(TeamOverview overview) {
        var statuses = Arrays.asList(CaseStatus.values());
        List<String> labels = statuses.stream().map(CaseStatus::label).toList();
        List<Long> counts = statuses.stream().map(s -> overview.caseloadByStatus().getOrDefault(s, 0L)).toList();
        return new ChartView(new ChartView.Spec("bar", "Team caseload by status",
                "Number of the team's clients in each status: " + describe(labels, counts), labels,
                List.of(new ChartView.Series("Clients", counts)), false, true, "Clients"));
    }

    static String describe(List<String> labels, List<? extends Number> values) {
        var text = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(labels.get(i)).append(' ').append(values.get(i));
        }
        return text.toString();
    }

    private void showCaseload(CounsellorFigures row) {
        open(new ClientListDialog("Active caseload of " + row.counsellorName(),
                "Clients assigned to " + row.counsellorName() + ", seen yet or not.", "Status",
                statusLines(dashboard.activeCaseloadOf(row.counsellorId())), this::reassignButton));
    }

    private void showWaitingList() {
        open(new ClientListDialog("Waiting for assignment",
                "The team's clients on the waiting list, most urgent and longest waiting first.", "Waiting since",
                dashboard.waitingList().stream().map(c -> new ClientListDialog.Line(c.code(),
                        "referral received " + ClientListDialog.DAY.format(c.receivedOn())
                                + (c.priority() == null ? "" : ", priority " + c.priority()))).toList(), null));
    }

    private static List<ClientListDialog.Line> statusLines(List<ClientRef> clients) {
        return clients.stream().map(c -> new ClientListDialog.Line(c.code(), c.status().label())).toList();
    }

    private Component reassignButton(ClientListDialog.Line client) {
        var button = new Button("Reassign", click -> {
            reassignDialog = new ReassignDialog(dashboard, client.code(), () -> {
                if (drillDown != null) {
                    drillDown.close();
                }
                refresh();
            });
            reassignDialog.open();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void open(ClientListDialog dialog) {
        drillDown = dialog;
        dialog.open();
    }
}
