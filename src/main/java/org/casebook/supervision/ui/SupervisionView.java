package org.casebook.supervision.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientRef;
import org.casebook.referral.ReferralChoices;
import org.casebook.referral.ReferralFigures;
import org.casebook.riskplan.RiskFigures;
import org.casebook.security.Roles;
import org.casebook.session.Core10;
import org.casebook.session.SessionFigures;
import org.casebook.supervision.CounsellorFigures;
import org.casebook.supervision.TeamDashboard;
import org.casebook.supervision.TeamOverview;
import org.casebook.ui.ChartView;
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

    static final DateTimeFormatter MONTH = org.casebook.ui.Dates.MONTH;
    static final DateTimeFormatter MONTH_IN_FULL = org.casebook.ui.Dates.MONTH_IN_FULL;

    final Grid<CounsellorFigures> grid = new Grid<>();
    final Paragraph monthNote = new Paragraph();
    final Button waiting = new Button();
    final RouterLink breakGlass = new RouterLink();
    final Div charts = new Div();

    @Nullable
    ClientListDialog drillDown;

    @Nullable
    ReassignDialog reassignDialog;

    private final TeamDashboard dashboard;

    private final org.casebook.referral.ReferralService referrals;

    SupervisionView(
            TeamDashboard dashboard,
            org.casebook.session.SessionNoteService notes,
            @org.springframework.beans.factory.annotation.Value("${casebook.time-zone}") java.time.ZoneId zone,
            org.casebook.referral.ReferralService referrals) {
        this.referrals = referrals;
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
        add(new org.casebook.session.ui.CoSignQueue(notes.toCoSign(), zone));

        add(new H2("Counsellors"));
        monthNote.addClassName("month-note");
        add(monthNote);
        grid.addColumn(CounsellorFigures::counsellorName)
                .setHeader("Counsellor")
                .setAutoWidth(true)
                .setFlexGrow(1)
                .setFrozen(true);
        figureColumn(
                "Active caseload", "Caseload", CounsellorFigures::activeCaseload, r -> "", false, this::showCaseload);
        figureColumn(
                "Sessions this month",
                "Sessions",
                CounsellorFigures::sessionsThisMonth,
                r -> "",
                false,
                r -> showSessions(
                        r,
                        SessionFigures.Figure.ATTENDED,
                        "Sessions held this month",
                        "Sessions the client attended this month."));
        figureColumn(
                "Did not attend",
                "DNA (rate)",
                CounsellorFigures::didNotAttendThisMonth,
                r -> r.sessionsThisMonth() + r.didNotAttendThisMonth() == 0
                        ? ""
                        : " (" + Math.round(r.dnaRate() * 100) + "%)",
                false,
                r -> showSessions(
                        r,
                        SessionFigures.Figure.DID_NOT_ATTEND,
                        "Did not attend this month",
                        "Sessions this month the client did not attend; the rate is of sessions held or missed."));
        figureColumn(
                "Notes unsigned over 72 h",
                "Unsigned > 72 h",
                CounsellorFigures::notesUnsignedOver72Hours,
                r -> "",
                true,
                r -> showSessions(
                        r,
                        SessionFigures.Figure.UNSIGNED_OVER_72_HOURS,
                        "Notes unsigned over 72 hours",
                        "Sessions, of any month, whose note is still unsigned more than 72 hours later."));
        figureColumn(
                "Overdue plan reviews",
                "Reviews overdue",
                CounsellorFigures::overdueReviews,
                r -> "",
                true,
                r -> showRisks(
                        r,
                        RiskFigures.Figure.OVERDUE_REVIEWS,
                        "Overdue plan reviews",
                        "Open cases whose risk-minimisation plan review date has passed."));
        figureColumn(
                "High or very high risk",
                "High risk",
                CounsellorFigures::highRisk,
                r -> "",
                false,
                r -> showRisks(
                        r,
                        RiskFigures.Figure.HIGH_RISK,
                        "High or very high risk",
                        "Open cases rated high or very high risk to others or to self."));
        figureColumn(
                "Open safeguarding concerns",
                "Safeguarding",
                CounsellorFigures::openSafeguardingConcerns,
                r -> "",
                true,
                r -> showRisks(
                        r,
                        RiskFigures.Figure.OPEN_CONCERNS,
                        "Open safeguarding concerns",
                        "Open cases with a safeguarding concern not yet closed."));
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

    private void figureColumn(
            String key,
            String header,
            ToLongFunction<CounsellorFigures> figure,
            Function<CounsellorFigures, String> suffix,
            boolean needsAttention,
            java.util.function.Consumer<CounsellorFigures> open) {
        grid.addComponentColumn(row -> {
                    var count = figure.applyAsLong(row);
                    var text = count + suffix.apply(row);
                    var button = new Button(text, click -> open.accept(row));
                    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    button.addClassName("figure");
                    if (needsAttention && count > 0) {
                        button.addClassName("attention");
                    }
                    button.setAriaLabel(key + " of " + row.counsellorName() + ": " + text);
                    button.setTooltipText(key);
                    return button;
                })
                .setHeader(header)
                .setTooltipGenerator(row -> key)
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey(key);
    }

    void refresh() {
        var overview = dashboard.overview();
        grid.setItems(overview.counsellors());
        monthNote.setText("Sessions and did-not-attends (DNA) count " + MONTH_IN_FULL.format(overview.month())
                + "; unsigned notes count every note overdue now, and the other figures open cases today. Select a figure to "
                + "see the clients behind it.");
        waiting.setText("Waiting for assignment: " + overview.waitingForAssignment());
        var pending = overview.pendingBreakGlassReviews();
        breakGlass.setText(
                pending == 0 ? "No break-glass access to review" : "Break-glass access to review: " + pending);
        breakGlass.getElement().getThemeList().set("badge", pending > 0);
        breakGlass.getElement().getThemeList().set("error", pending > 0);
        charts.removeAll();
        charts.add(
                chartCard(referrals(overview)),
                chartCard(caseloadByRisk(overview)),
                chartCard(core10(overview)),
                chartCard(caseloadByStatus(overview)));
    }

    private static Component chartCard(ChartView chart) {
        var card = new Div(chart);
        card.addClassName("chart-card");
        return card;
    }

    static ChartView referrals(TeamOverview overview) {
        var months = IntStream.rangeClosed(0, 11)
                .mapToObj(i -> overview.month().minusMonths(11 - i))
                .toList();
        var labels = months.stream().map(MONTH::format).toList();
        var series = new ArrayList<ChartView.Series>();
        var total = 0L;
        for (var source : ReferralChoices.Source.values()) {
            var counts = months.stream()
                    .map(m -> overview.referrals().stream()
                            .filter(c -> c.month().equals(m) && c.source() == source)
                            .mapToLong(ReferralFigures.MonthlyCount::referrals)
                            .sum())
                    .toList();
            var sum = counts.stream().mapToLong(Long::longValue).sum();
            if (sum > 0) {
                series.add(new ChartView.Series(source.label(), counts));
                total += sum;
            }
        }
        return new ChartView(new ChartView.Spec(
                "bar",
                "Referrals received per month, by source",
                total + " referrals received by the team over the last 12 months, stacked by source.",
                labels,
                series,
                true,
                false,
                "Referrals"));
    }

    static ChartView caseloadByRisk(TeamOverview overview) {
        var levels = overview.caseloadByRisk();
        List<String> labels = levels.stream()
                .map(l -> l.level() == null ? "No plan yet" : l.level().label())
                .toList();
        List<Long> counts = levels.stream().map(RiskFigures.LevelCount::clients).toList();
        return new ChartView(new ChartView.Spec(
                "bar",
                "Team caseload by risk level",
                "Open cases by the higher of their two risk ratings: " + describe(labels, counts),
                labels,
                List.of(new ChartView.Series("Open cases", counts)),
                false,
                true,
                "Open cases"));
    }

    static ChartView core10(TeamOverview overview) {
        var tally = overview.core10Tally();
        List<String> labels = tally.stream().map(t -> t.change().label()).toList();
        List<Long> counts =
                tally.stream().map(SessionFigures.Core10Tally::cases).toList();
        long closed = counts.stream().mapToLong(Long::longValue).sum();
        return new ChartView(new ChartView.Spec(
                "bar",
                "CORE-10 change for closed cases",
                closed == 0
                        ? "No closed case has a closing CORE-10 measure yet."
                        : "Closed cases by the change between their first and last CORE-10 totals (a change of "
                                + Core10.RELIABLE_CHANGE + " or more is reliable): " + describe(labels, counts),
                labels,
                List.of(new ChartView.Series("Closed cases", counts)),
                false,
                true,
                "Closed cases"));
    }

    static ChartView caseloadByStatus(TeamOverview overview) {
        var statuses = Arrays.asList(CaseStatus.values());
        List<String> labels = statuses.stream().map(CaseStatus::label).toList();
        List<Long> counts = statuses.stream()
                .map(s -> overview.caseloadByStatus().getOrDefault(s, 0L))
                .toList();
        return new ChartView(new ChartView.Spec(
                "bar",
                "Team caseload by status",
                "Number of the team's clients in each status: " + describe(labels, counts),
                labels,
                List.of(new ChartView.Series("Clients", counts)),
                false,
                true,
                "Clients"));
    }

    static String describe(List<String> labels, List<? extends Number> values) {
        var text = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(labels.get(i)).append(' ').append(values.get(i));
        }
        return text.toString();
    }

    private void showCaseload(CounsellorFigures row) {
        open(new ClientListDialog(
                "Active caseload of " + row.counsellorName(),
                "Clients assigned to " + row.counsellorName() + ", seen yet or not.",
                "Status",
                statusLines(dashboard.activeCaseloadOf(row.counsellorId())),
                this::reassignButton));
    }

    private void showWaitingList() {
        open(new ClientListDialog(
                "Waiting for assignment",
                "The team's clients on the waiting list, most urgent and longest waiting first.",
                "Waiting since",
                dashboard.waitingList().stream()
                        .map(c -> new ClientListDialog.Line(
                                c.code(),
                                "referral received " + ClientListDialog.DAY.format(c.receivedOn())
                                        + (c.priority() == null ? "" : ", priority " + c.priority())))
                        .toList(),
                null));
    }

    private void showSessions(CounsellorFigures row, SessionFigures.Figure figure, String title, String explanation) {
        open(new ClientListDialog(
                title + ": " + row.counsellorName(),
                explanation,
                "Session date",
                dashboard.sessionsBehind(row.counsellorId(), figure).stream()
                        .map(l -> new ClientListDialog.Line(l.clientCode(), ClientListDialog.DAY.format(l.date())))
                        .toList(),
                null));
    }

    private void showRisks(CounsellorFigures row, RiskFigures.Figure figure, String title, String explanation) {
        open(new ClientListDialog(
                title + ": " + row.counsellorName(),
                explanation,
                "Risk and review",
                dashboard.risksBehind(row.counsellorId(), figure).stream()
                        .map(c -> new ClientListDialog.Line(c.code(), riskDetail(c)))
                        .toList(),
                null));
    }

    private static String riskDetail(RiskFigures.FigureClient client) {
        return "to others "
                + (client.toOthers() == null
                        ? "not rated"
                        : client.toOthers().label().toLowerCase(Locale.ROOT))
                + ", to self "
                + (client.toSelf() == null
                        ? "not rated"
                        : client.toSelf().label().toLowerCase(Locale.ROOT))
                + (client.reviewDue() == null ? "" : "; review due " + ClientListDialog.DAY.format(client.reviewDue()));
    }

    private static List<ClientListDialog.Line> statusLines(List<ClientRef> clients) {
        return clients.stream()
                .map(c -> new ClientListDialog.Line(c.code(), c.status().label()))
                .toList();
    }

    /** Each candidate's open caseload and postcode area, as the waiting list's assign dialog shows them. */
    private java.util.Map<Long, String> facts(String code) {
        var facts = new java.util.HashMap<Long, String>();
        referrals
                .assignmentOptions(code)
                .forEach(o -> facts.put(
                        o.id(),
                        o.openCases()
                                + (o.openCases() == 1 ? " open case" : " open cases") + ", postcode area "
                                + (o.postcodeArea() == null ? "not recorded" : o.postcodeArea())));
        return facts;
    }

    private Component reassignButton(ClientListDialog.Line client) {
        var button = new Button("Reassign", click -> {
            reassignDialog = new ReassignDialog(dashboard, facts(client.code()), client.code(), () -> {
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
