package org.casebook.supervision.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.casebook.client.BreakGlassReview;
import org.casebook.client.BreakGlassReviews;
import org.casebook.security.Roles;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * The break-glass review queue: each time someone in the team, or someone outside it opening a client of
 * the team, used break-glass, with their reason. Pending ones come first, to be acknowledged or escalated.
 */
@Route("supervision/break-glass")
@PageTitle("Break-glass reviews | Casebook")
@com.vaadin.flow.router.Menu(order = 41, title = "Break-glass reviews", icon = "vaadin:unlock")
@RolesAllowed(Roles.SUPERVISOR)
public class BreakGlassQueueView extends VerticalLayout {

    static final DateTimeFormatter WHEN = org.casebook.ui.Dates.WHEN;

    final Grid<BreakGlassReview> grid = new Grid<>();
    final Paragraph pendingSummary = new Paragraph();

    @Nullable
    ReviewDialog reviewDialog;

    private final BreakGlassReviews reviews;
    private final ZoneId zone;

    BreakGlassQueueView(BreakGlassReviews reviews, @Value("${casebook.time-zone}") ZoneId zone) {
        this.reviews = reviews;
        this.zone = zone;
        addClassName("break-glass-queue");
        add(new H1("Break-glass reviews"));
        pendingSummary.addClassName("pending-summary");
        add(pendingSummary);
        grid.addComponentColumn(BreakGlassQueueView::outcome)
                .setHeader("Review")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> WHEN.format(r.grantedAt().atZone(zone)))
                .setHeader("Opened")
                .setAutoWidth(true);
        grid.addColumn(BreakGlassReview::staffName).setHeader("By").setAutoWidth(true);
        grid.addComponentColumn(r -> new Anchor("client/" + r.clientCode(), r.clientCode()))
                .setHeader("Client")
                .setAutoWidth(true);
        grid.addColumn(BreakGlassReview::reason).setHeader("Reason given").setFlexGrow(2);
        grid.addColumn(this::reviewed).setHeader("Reviewed").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setKey("actions");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPartNameGenerator(r -> r.isPending() ? "pending" : null);
        grid.setEmptyStateText("Nobody has used break-glass in your team.");
        grid.setSizeFull();
        add(grid);
        setSizeFull();
        refresh();
    }

    void refresh() {
        var queue = reviews.queue();
        grid.setItems(queue);
        var pending = queue.stream().filter(BreakGlassReview::isPending).count();
        pendingSummary.setText(
                pending == 0
                        ? "Nothing waits for your review."
                        : pending + (pending == 1 ? " access waits" : " accesses wait") + " for your review.");
        pendingSummary.getElement().getThemeList().set("badge", pending > 0);
        pendingSummary.getElement().getThemeList().set("error", pending > 0);
    }

    private static Span outcome(BreakGlassReview review) {
        var badge = new Span(review.outcome().label());
        badge.getElement()
                .getThemeList()
                .add("badge pill"
                        + switch (review.outcome()) {
                            case PENDING -> " error primary";
                            case ACKNOWLEDGED -> " success";
                            case ESCALATED -> " contrast";
                        });
        return badge;
    }

    private String reviewed(BreakGlassReview review) {
        if (review.isPending() || review.reviewedAt() == null) {
            return "";
        }
        return review.reviewerName() + ", " + WHEN.format(review.reviewedAt().atZone(zone))
                + (review.reviewNote() == null ? "" : ": " + review.reviewNote());
    }

    private Component actions(BreakGlassReview review) {
        if (!review.isPending()) {
            return new Div();
        }
        var acknowledge = new Button("Acknowledge", click -> openReview(review, BreakGlassReview.Outcome.ACKNOWLEDGED));
        acknowledge.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var escalate = new Button("Escalate", click -> openReview(review, BreakGlassReview.Outcome.ESCALATED));
        escalate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(acknowledge, escalate);
    }

    private void openReview(BreakGlassReview review, BreakGlassReview.Outcome outcome) {
        reviewDialog = new ReviewDialog(review, outcome);
        reviewDialog.open();
    }

    /** Asks for the note (required to escalate) and records the review. */
    final class ReviewDialog extends Dialog {

        final TextArea note = new TextArea();
        final Button confirm;

        ReviewDialog(BreakGlassReview review, BreakGlassReview.Outcome outcome) {
            var escalating = outcome == BreakGlassReview.Outcome.ESCALATED;
            setHeaderTitle((escalating ? "Escalate" : "Acknowledge") + " break-glass access to " + review.clientCode());
            setWidth("min(34rem, 95vw)");
            add(new Paragraph(review.staffName() + " gave this reason: " + review.reason()));
            note.setLabel(escalating ? "What are you escalating, and to whom?" : "Note (optional)");
            note.setRequiredIndicatorVisible(escalating);
            FieldMessages.limit(note, BreakGlassReviews.MAX_NOTE);
            note.setWidthFull();
            add(note);
            confirm = new Button(escalating ? "Escalate" : "Acknowledge", click -> {
                try {
                    reviews.review(review.id(), review.version(), outcome, note.getValue());
                } catch (InvalidFields refused) {
                    note.setErrorMessage(refused.getMessage());
                    note.setInvalid(true);
                    return;
                } catch (ObjectOptimisticLockingFailureException conflict) {
                    note.setErrorMessage("Someone reviewed this access meanwhile. Close this and look again;"
                            + " your note is still here to copy.");
                    note.setInvalid(true);
                    refresh();
                    return;
                }
                org.casebook.ui.Feedback.done("Break-glass review recorded");
                close();
                refresh();
            });
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (escalating) {
                confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            var cancel = new Button("Cancel", click -> close());
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            getFooter().add(cancel, confirm);
        }
    }
}
