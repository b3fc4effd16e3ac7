package org.casebook.riskplan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.RiskLevel;
import org.casebook.client.ui.ClientHeader;
import org.casebook.riskplan.AgreedAction;
import org.casebook.riskplan.PlanComparison;
import org.casebook.riskplan.PlanConflict;
import org.casebook.riskplan.PlanContent;
import org.casebook.riskplan.PlanPage;
import org.casebook.riskplan.PlanSave;
import org.casebook.riskplan.PlanService;
import org.casebook.riskplan.ReviewInput;
import org.casebook.riskplan.ReviewView;
import org.casebook.riskplan.RiskArea;
import org.casebook.riskplan.TriggerKind;
import org.casebook.riskplan.VersionInfo;
import org.casebook.security.ReAuthentication;
import org.casebook.security.Roles;
import org.casebook.security.ui.ReAuthenticationDialog;
import org.casebook.time.CharityClock;
import org.casebook.ui.ChartView;
import org.casebook.ui.FieldMessages;
import org.casebook.ui.NoAccess;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * A client's risk-minimisation plan at {@code /plan/{code}}: the current version and who saved it, the
 * sections and agreed actions to edit, the two risk ratings, any two versions compared, the structured
 * review of dynamic risk areas with its trend, trigger dates, and the PDF to go through with the client.
 */
@Route("plan")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class PlanView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final DateTimeFormatter DAY = org.casebook.ui.Dates.DAY;
    static final DateTimeFormatter WHEN = org.casebook.ui.Dates.WHEN;

    final Div content = new Div();
    final Paragraph currentInfo = new Paragraph();
    final List<TextArea> sections = new ArrayList<>();
    final VerticalLayout actionRows = new VerticalLayout();
    final List<ActionRow> actions = new ArrayList<>();
    final Button addAction = new Button("Add an agreed action");
    final Select<RiskLevel> toOthers = new Select<>();
    final Select<RiskLevel> toSelf = new Select<>();
    final TextArea rationale = new TextArea("Rationale for the ratings");
    final DatePicker nextReview = new DatePicker("Next review (leave empty for the default)");
    final Button save = new Button("Save as a new version");
    final Div conflict = new Div();
    final Grid<VersionInfo> versions = new Grid<>(VersionInfo.class, false);
    final Select<Integer> compareLeft = new Select<>();
    final Select<Integer> compareRight = new Select<>();
    final Button compare = new Button("Compare");
    final Div comparison = new Div();
    final Map<RiskArea, RadioButtonGroup<Integer>> reviewScores = new EnumMap<>(RiskArea.class);
    final Map<RiskArea, TextField> reviewComments = new EnumMap<>(RiskArea.class);
    final DatePicker reviewNext = new DatePicker("Next review (leave empty for the default)");
    final Button saveReview = new Button("Record the review");
    final Div trend = new Div();
    final Select<TriggerKind> triggerKind = new Select<>();
    final DatePicker triggerDate = new DatePicker("Date");
    final TextField triggerNote = new TextField("Note (optional)");
    final Button addTrigger = new Button("Add the date");
    final Div triggerList = new Div();
    final Button exportPdf = new Button("Export as PDF");
    final Div download = new Div();
    byte @Nullable [] lastPdf;

    private final CharityClock charity;
    private final PlanService plans;
    private final ClientService clients;
    private final ReAuthentication reAuthentication;
    private final ZoneId zone;
    private String code = "";
    private String title = "Plan | Casebook";
    private int basedOn;

    PlanView(
            PlanService plans,
            ReAuthentication reAuthentication,
            @Value("${casebook.time-zone}") ZoneId zone,
            CharityClock charity,
            ClientService clients) {
        this.clients = clients;
        this.charity = charity;
        this.plans = plans;
        this.reAuthentication = reAuthentication;
        this.zone = zone;
        addClassName("plan-view");
        content.setWidthFull();
        add(content);
        // Listeners and columns once: the cards are laid out again after every save.
        addAction.addClickListener(c -> addActionRow(null));
        save.addClickListener(c -> save());
        compare.addClickListener(c -> showComparison());
        saveReview.addClickListener(c -> saveReview());
        addTrigger.addClickListener(c -> addTriggerDate());
        exportPdf.addClickListener(c -> new ReAuthenticationDialog(
                        reAuthentication, "Exporting the plan is recorded. Confirm it is you.", this::export)
                .open());
        versions.addColumn(VersionInfo::number).setHeader("Version").setAutoWidth(true);
        versions.addColumn(VersionInfo::changedBy).setHeader("Saved by");
        versions.addColumn(v -> WHEN.format(v.changedAt().atZone(zone))).setHeader("When");
        versions.addColumn(v -> v.toOthers().label() + " / " + v.toSelf().label())
                .setHeader("Risk to others / self");
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        this.code = code;
        show();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show() {
        content.removeAll();
        PlanPage page;
        try {
            page = plans.open(code);
        } catch (ClientAccessDenied denied) {
            title = NoAccess.TITLE;
            content.add(new NoAccess(ClientAccessDenied.MESSAGE));
            return;
        }
        code = page.code();
        title = "Plan " + page.code() + " | Casebook";
        var heading = new H1("Risk-minimisation plan");
        var raise = new Button(
                "Raise a safeguarding concern",
                c -> getUI().ifPresent(ui -> ui.navigate("safeguarding/new/" + page.code())));
        raise.addThemeVariants(ButtonVariant.LUMO_ERROR);
        content.add(
                new ClientHeader(clients.summary(page.code()), "Plan"),
                heading,
                currentInfo,
                raise,
                editor(page),
                versionsCard(page),
                reviewCard(page),
                triggerCard(page),
                exportCard(page));
        showCurrent(page);
    }

    private void showCurrent(PlanPage page) {
        var current = page.current();
        currentInfo.removeAll();
        if (current == null) {
            basedOn = 0;
            currentInfo.setText("No plan yet. Write the first version with the client below.");
            return;
        }
        basedOn = current.number();
        currentInfo.setText("Version " + current.number() + ", saved by " + current.changedBy() + " on "
                + WHEN.format(current.changedAt().atZone(zone)) + ". Next review: "
                + DAY.format(java.util.Objects.requireNonNull(page.nextReview())) + ".");
        if (page.reviewOverdue()) {
            var overdue = new Span("Review overdue");
            overdue.getElement().getThemeList().add("badge error primary");
            overdue.addClassName("review-overdue");
            currentInfo.add(new Span(" "), overdue);
        }
    }

    private Component editor(PlanPage page) {
        var card = card("The plan");
        var current = page.current();
        var texts = current == null
                ? PlanContent.empty().texts()
                : current.content().texts();
        sections.clear();
        for (int i = 0; i < PlanContent.TITLES.size(); i++) {
            var area = new TextArea(PlanContent.TITLES.get(i));
            area.setWidthFull();
            FieldMessages.limit(area, Text.SECTION);
            area.setValue(texts.get(i) == null ? "" : texts.get(i));
            sections.add(area);
            card.add(area);
        }
        card.add(new H3("Agreed actions"));
        actionRows.setPadding(false);
        actionRows.removeAll();
        actions.clear();
        if (current != null) {
            current.content().actions().forEach(this::addActionRow);
        }
        card.add(actionRows, addAction);

        card.add(new H3("Risk ratings"));
        for (var select : List.of(toOthers, toSelf)) {
            select.setItems(RiskLevel.values());
            select.setItemLabelGenerator(RiskLevel::label);
        }
        toOthers.setLabel("Risk to others");
        toSelf.setLabel("Risk to self");
        if (current != null) {
            toOthers.setValue(current.toOthers());
            toSelf.setValue(current.toSelf());
        }
        rationale.setWidthFull();
        rationale.setHelperText("Required whenever a rating changes.");
        FieldMessages.limit(rationale, Text.PARAGRAPH);
        FieldMessages.limit(nextReview, DateRange.PLANNING, charity.today());
        nextReview.setHelperText("Default: three months on; one month while either risk is high or very high.");
        card.add(new HorizontalLayout(toOthers, toSelf), rationale, nextReview);
        conflict.addClassName("plan-conflict");
        conflict.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(conflict, save);
        return card;
    }

    private void addActionRow(@Nullable AgreedAction action) {
        var row = new ActionRow(action);
        FieldMessages.limit(row.byWhen, DateRange.PLANNING, charity.today());
        row.remove.addClickListener(c -> {
            actions.remove(row);
            actionRows.remove(row.layout);
        });
        actions.add(row);
        actionRows.add(row.layout);
    }

    private void save() {
        for (var field : List.of(rationale)) {
            field.setInvalid(false);
        }
        toOthers.setInvalid(false);
        toSelf.setInvalid(false);
        nextReview.setInvalid(false);
        conflict.setVisible(false);
        if (toOthers.getValue() == null || toSelf.getValue() == null) {
            (toOthers.getValue() == null ? toOthers : toSelf).setErrorMessage("Choose a rating.");
            (toOthers.getValue() == null ? toOthers : toSelf).setInvalid(true);
            return;
        }
        var texts = sections.stream().map(TextArea::getValue).toList();
        var agreed = new ArrayList<AgreedAction>();
        for (var row : actions) {
            row.what.setInvalid(false);
            if (row.what.getValue().isBlank()) {
                row.what.setErrorMessage("Say what will be done, or remove the row.");
                row.what.setInvalid(true);
                return;
            }
            agreed.add(new AgreedAction(
                    row.what.getValue().strip(), row.who.getValue(), row.byWhen.getValue(), row.done.getValue()));
        }
        var content = new PlanContent(
                texts.get(0),
                texts.get(1),
                texts.get(2),
                texts.get(3),
                texts.get(4),
                texts.get(5),
                texts.get(6),
                agreed);
        try {
            int number = plans.save(new PlanSave(
                    code,
                    basedOn,
                    content,
                    toOthers.getValue(),
                    toSelf.getValue(),
                    rationale.getValue(),
                    nextReview.getValue()));
            org.casebook.ui.Feedback.done("Plan saved as version " + number);
            rationale.clear();
            nextReview.clear();
            show();
        } catch (org.casebook.client.BreakGlassReadOnly readOnly) {
            conflict.setText(readOnly.getMessage());
            conflict.setVisible(true);
        } catch (PlanConflict raced) {
            conflict.setText(PlanConflict.MESSAGE);
            conflict.setVisible(true);
            Notification.show(PlanConflict.MESSAGE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (InvalidFields invalid) {
            var fields = Map.<String, HasValidation>of("rationale", rationale, "nextReview", nextReview);
            if (fields.keySet().stream().anyMatch(name -> invalid.messageFor(name) != null)) {
                FieldMessages.show(invalid, fields);
            } else {
                conflict.setText(invalid.getMessage());
                conflict.setVisible(true);
            }
        }
    }

    private Component versionsCard(PlanPage page) {
        var card = card("Versions");
        versions.setItems(page.versions());
        versions.setAllRowsVisible(true);
        card.add(versions);
        if (page.versions().size() < 2) {
            card.add(new Paragraph("Once there are two versions you can compare them here."));
            return card;
        }
        var numbers = page.versions().stream().map(VersionInfo::number).toList();
        compareLeft.setLabel("Older");
        compareRight.setLabel("Newer");
        compareLeft.setItems(numbers);
        compareRight.setItems(numbers);
        compareLeft.setItemLabelGenerator(n -> "Version " + n);
        compareRight.setItemLabelGenerator(n -> "Version " + n);
        compareLeft.setValue(numbers.get(1));
        compareRight.setValue(numbers.getFirst());
        var pick = new HorizontalLayout(compareLeft, compareRight, compare);
        pick.setAlignItems(FlexComponent.Alignment.BASELINE);
        comparison.addClassName("plan-comparison");
        card.add(pick, comparison);
        return card;
    }

    private void showComparison() {
        comparison.removeAll();
        var result = plans.compare(code, compareLeft.getValue(), compareRight.getValue());
        for (var section : result.sections()) {
            var row = new Div();
            row.addClassName("diff-section");
            if (!section.changed()) {
                row.addClassName("diff-unchanged");
            }
            var left = new Div();
            var right = new Div();
            left.addClassName("diff-side");
            right.addClassName("diff-side");
            section.left().forEach(s -> left.add(segment(s)));
            section.right().forEach(s -> right.add(segment(s)));
            row.add(new H3(section.title() + (section.changed() ? "" : " (unchanged)")), left, right);
            comparison.add(row);
        }
    }

    /** Plain text in a span: Vaadin escapes it, so nothing written in a plan can become markup. */
    private static Span segment(PlanComparison.Segment segment) {
        var span = new Span(segment.text());
        switch (segment.change()) {
            case REMOVED -> span.addClassName("diff-removed");
            case ADDED -> span.addClassName("diff-added");
            case SAME -> {}
        }
        return span;
    }

    private Component reviewCard(PlanPage page) {
        var card = card("Review of dynamic risk areas");
        card.add(new Paragraph("Rate each area 0 (no concern), 1 (some concern) or 2 (definite concern)."));
        for (var area : RiskArea.values()) {
            var score = new RadioButtonGroup<Integer>(area.label());
            score.setItems(0, 1, 2);
            var comment = new TextField("Comment");
            FieldMessages.limit(comment, Text.PARAGRAPH);
            comment.setWidth("30rem");
            comment.setMaxWidth("100%");
            reviewScores.put(area, score);
            reviewComments.put(area, comment);
            var row = new HorizontalLayout(score, comment);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            card.add(row);
        }
        FieldMessages.limit(reviewNext, DateRange.PLANNING, charity.today());
        reviewNext.setHelperText("Default: three months on; one month while either risk is high or very high.");
        saveReview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveReview.setEnabled(page.current() != null);
        card.add(reviewNext, saveReview, new H3("Over time"), trend);
        showTrend(page.reviews());
        return card;
    }

    private void saveReview() {
        var scores = new EnumMap<RiskArea, Integer>(RiskArea.class);
        var comments = new EnumMap<RiskArea, String>(RiskArea.class);
        reviewNext.setInvalid(false);
        for (var area : RiskArea.values()) {
            var group = reviewScores.get(area);
            group.setInvalid(false);
            if (group.getValue() == null) {
                group.setErrorMessage("Rate this area from 0 to 2.");
                group.setInvalid(true);
                return;
            }
            scores.put(area, group.getValue());
            if (!reviewComments.get(area).getValue().isBlank()) {
                comments.put(area, reviewComments.get(area).getValue());
            }
        }
        try {
            plans.recordReview(code, new ReviewInput(scores, comments, reviewNext.getValue()));
        } catch (org.casebook.client.BreakGlassReadOnly readOnly) {
            Notification.show(readOnly.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        } catch (InvalidFields invalid) {
            var fields = new java.util.HashMap<String, HasValidation>();
            reviewComments.forEach((area, comment) -> fields.put(area.name(), comment));
            fields.put("nextReview", reviewNext);
            FieldMessages.show(invalid, fields);
            return;
        }
        org.casebook.ui.Feedback.done("Risk review saved");
        reviewNext.clear();
        show();
    }

    /** A table of the reviews over time, each score with an arrow against the review before. */
    private void showTrend(List<ReviewView> reviews) {
        trend.removeAll();
        trend.addClassName("risk-trend");
        if (reviews.isEmpty()) {
            trend.add(new Paragraph("No reviews recorded yet."));
            return;
        }
        var table = new Div();
        table.addClassName("trend-table");
        table.getStyle().set("grid-template-columns", "14rem repeat(" + reviews.size() + ", minmax(6rem, 1fr))");
        table.add(cell("Area", "trend-head"));
        reviews.forEach(r -> table.add(cell(DAY.format(r.reviewedOn()), "trend-head")));
        for (var area : RiskArea.values()) {
            table.add(cell(area.label(), "trend-area"));
            Integer previous = null;
            for (var review : reviews) {
                int score = review.scores().get(area);
                var text = score + (previous == null ? "" : score > previous ? " ↑" : score < previous ? " ↓" : " →");
                var cell = cell(
                        text,
                        score > (previous == null ? score : previous)
                                ? "trend-worse"
                                : previous != null && score < previous ? "trend-better" : "trend-same");
                var comment = review.comments().get(area);
                if (comment != null) {
                    cell.setTitle(comment);
                }
                table.add(cell);
                previous = score;
            }
        }
        table.add(cell("Total (0-10)", "trend-area"));
        reviews.forEach(r -> table.add(cell(String.valueOf(r.total()), "trend-total")));
        trend.add(table, new Paragraph("↑ higher (more concern) than the review before, ↓ lower, → the same."));
        if (reviews.size() > 1) {
            trend.add(trendChart(reviews));
        }
    }

    /** The same reviews as stacked bars: each bar's height is the total, its parts the areas. */
    static ChartView trendChart(List<ReviewView> reviews) {
        var labels = reviews.stream().map(r -> DAY.format(r.reviewedOn())).toList();
        var series = java.util.Arrays.stream(RiskArea.values())
                .map(area -> new ChartView.Series(
                        area.label(),
                        reviews.stream().map(r -> r.scores().get(area)).toList()))
                .toList();
        var chart = new ChartView(new ChartView.Spec(
                "bar",
                "Dynamic risk over time",
                "Scores of the five dynamic risk areas at each review, stacked to the total out of 10",
                labels,
                series,
                true,
                false,
                "Score (0-10)"));
        chart.addClassName("risk-trend-chart");
        return chart;
    }

    private static Div cell(String text, String className) {
        var cell = new Div(new Span(text));
        cell.addClassName(className);
        return cell;
    }

    private Component triggerCard(PlanPage page) {
        var card = card("Dates that raise risk to self");
        card.add(new Paragraph("Arrest, charge, court hearings and sentencing raise the risk of self-harm. "
                + "You are reminded on your home page to check in before and just after each date."));
        triggerKind.setLabel("What");
        triggerKind.setItems(TriggerKind.values());
        triggerKind.setItemLabelGenerator(TriggerKind::label);
        FieldMessages.limit(triggerNote, Text.REASON);
        FieldMessages.limit(triggerDate, DateRange.PLANNING, charity.today());
        var form = new HorizontalLayout(triggerKind, triggerDate, triggerNote, addTrigger);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        triggerList.removeAll();
        triggerList.addClassName("trigger-dates");
        if (page.triggerDates().isEmpty()) {
            triggerList.add(new Paragraph("None entered."));
        }
        page.triggerDates()
                .forEach(t -> triggerList.add(new Paragraph(DAY.format(t.on()) + ": "
                        + t.kind().label() + (t.note() == null ? "" : " (" + t.note() + ")"))));
        card.add(form, triggerList);
        return card;
    }

    private void addTriggerDate() {
        triggerKind.setInvalid(false);
        triggerDate.setInvalid(false);
        if (triggerKind.getValue() == null) {
            triggerKind.setErrorMessage("Choose what the date is.");
            triggerKind.setInvalid(true);
            return;
        }
        if (triggerDate.getValue() == null) {
            triggerDate.setErrorMessage("Enter the date.");
            triggerDate.setInvalid(true);
            return;
        }
        try {
            plans.addTriggerDate(code, triggerKind.getValue(), triggerDate.getValue(), triggerNote.getValue());
        } catch (org.casebook.client.BreakGlassReadOnly readOnly) {
            Notification.show(readOnly.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        } catch (InvalidFields invalid) {
            FieldMessages.show(invalid, Map.of("date", triggerDate, "note", triggerNote));
            return;
        }
        org.casebook.ui.Feedback.done("Trigger date added");
        triggerKind.clear();
        triggerDate.clear();
        triggerNote.clear();
        show();
    }

    private Component exportCard(PlanPage page) {
        var card = card("Go through the plan with the client");
        card.add(new Paragraph("The PDF shows the current version without the client's name. Exporting is recorded; "
                + "you confirm your password and code first."));
        exportPdf.setEnabled(page.current() != null);
        download.addClassName("plan-download");
        card.add(exportPdf, download);
        return card;
    }

    private void export() {
        byte[] pdf;
        try {
            pdf = plans.exportPdf(code);
        } catch (InvalidFields | org.springframework.security.access.AccessDeniedException refused) {
            Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        lastPdf = pdf;
        var fileName = "plan-" + code + ".pdf";
        var link = new Anchor(
                DownloadHandler.fromInputStream(event ->
                        new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length)),
                "Download " + fileName);
        download.removeAll();
        download.add(link);
    }

    private static VerticalLayout card(String heading) {
        var card = new VerticalLayout(new H2(heading));
        card.addClassName("card");
        card.setSpacing(false);
        return card;
    }

    /** One agreed action being edited. */
    static final class ActionRow {
        final TextField what = new TextField("What");
        final TextField who = new TextField("Who");
        final DatePicker byWhen = new DatePicker("By when");
        final Checkbox done = new Checkbox("Done");
        final Button remove = new Button("Remove");
        final HorizontalLayout layout = new HorizontalLayout(what, who, byWhen, done, remove);

        ActionRow(@Nullable AgreedAction action) {
            what.setWidth("22rem");
            what.setMaxWidth("100%");
            FieldMessages.limit(what, Text.REASON);
            FieldMessages.limit(who, Text.LINE);
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.addClassName("action-row");
            if (action != null) {
                what.setValue(action.what());
                who.setValue(action.who() == null ? "" : action.who());
                byWhen.setValue(action.byWhen());
                done.setValue(action.done());
            }
        }
    }
}
