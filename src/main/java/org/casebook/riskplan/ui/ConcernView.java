package org.casebook.riskplan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.casebook.client.ClientAccessDenied;
import org.casebook.riskplan.ConcernDetail;
import org.casebook.riskplan.ConcernHidden;
import org.casebook.riskplan.Decision;
import org.casebook.riskplan.DecisionOutcome;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.casebook.ui.Feedback;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.springframework.beans.factory.annotation.Value;

/**
 * One safeguarding concern at {@code /safeguarding/concern/{id}}, for the people handling it: what was learned,
 * the decision (recorded once by a supervisor), later comments, and closure. Nothing here edits what was recorded.
 */
@Route("safeguarding/concern")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ConcernView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    final Div content = new Div();
    final Select<DecisionOutcome> outcome = new Select<>();
    final TextField reference = new TextField("Reference number");
    final DatePicker referredOn = new DatePicker("Date of referral");
    final TextArea rationale = new TextArea("Rationale");
    final TextArea followUp = new TextArea("Follow-up actions");
    final Button decide = new Button("Record the decision");
    final TextArea comment = new TextArea("Add later information");
    final Button addComment = new Button("Add the comment");
    final TextArea closingNote = new TextArea("Closing note (optional)");
    final Button close = new Button("Close the concern");

    private final CharityClock charity;
    private final SafeguardingService safeguarding;
    private final ZoneId zone;
    private UUID id = new UUID(0, 0);
    private String code = "";
    private String title = "Safeguarding concern | Casebook";

    ConcernView(SafeguardingService safeguarding, @Value("${casebook.time-zone}") ZoneId zone, CharityClock charity) {
        this.charity = charity;
        this.safeguarding = safeguarding;
        this.zone = zone;
        addClassName("concern-view");
        content.setWidthFull();
        add(content);
        outcome.setLabel("Decision");
        outcome.setItems(DecisionOutcome.values());
        outcome.setItemLabelGenerator(DecisionOutcome::label);
        outcome.addValueChangeListener(e -> showDecisionFields());
        rationale.setWidthFull();
        followUp.setWidthFull();
        comment.setWidthFull();
        FieldMessages.limit(reference, Text.NAME);
        for (var text : new TextArea[] {rationale, followUp, comment, closingNote}) {
            FieldMessages.limit(text, Text.SECTION);
        }
        FieldMessages.limit(referredOn, DateRange.RECENT_PAST, charity.today());
        closingNote.setWidthFull();
        decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        decide.addClickListener(c -> decide());
        addComment.addClickListener(c -> addComment());
        close.addClickListener(c -> close());
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            id = safeguarding.concernId(parameter);
        } catch (ClientAccessDenied notAnId) {
            showRefusal(ClientAccessDenied.MESSAGE);
            return;
        }
        show();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show() {
        content.removeAll();
        ConcernDetail detail;
        try {
            detail = safeguarding.open(id);
        } catch (ConcernHidden | ClientAccessDenied refused) {
            showRefusal(refused.getMessage());
            return;
        }
        var row = detail.row();
        code = row.code();
        title = "Concern " + row.code() + " | Casebook";
        var danger = SafeguardingView.danger(row);
        content.add(new H1("Safeguarding concern: " + row.code()), danger, SafeguardingView.status(row));
        var facts = card("What was learned");
        var text = new Paragraph(detail.whatWasLearned());
        text.addClassName("concern-text");
        facts.add(
                fact("Category", row.category().label()),
                fact("Learned on", PlanView.DAY.format(row.learnedOn())),
                fact(
                        "Raised",
                        detail.raisedBy() + ", "
                                + PlanView.WHEN.format(row.raisedAt().atZone(zone)) + " ("
                                + sourceInWords(detail.source()) + ")"),
                text,
                new Anchor("client/" + row.code(), "Open the client"));
        content.add(facts);

        var decision = card("Decision");
        if (detail.decision() != null) {
            var d = detail.decision();
            decision.add(fact("Decision", d.outcome().label()));
            if (d.reference() != null) {
                decision.add(fact("Reference", d.reference() + ", referred on " + PlanView.DAY.format(d.referredOn())));
            }
            if (d.rationale() != null) {
                decision.add(fact("Rationale", d.rationale()));
            }
            if (d.followUp() != null) {
                decision.add(fact("Follow-up", d.followUp()));
            }
            decision.add(fact(
                    "Decided",
                    d.decidedBy() + ", " + PlanView.WHEN.format(d.decidedAt().atZone(zone))));
        } else if (detail.canDecide()) {
            decision.add(outcome, reference, referredOn, rationale, followUp, decide);
            showDecisionFields();
        } else {
            decision.add(new Paragraph("Awaiting a supervisor's decision."));
        }
        content.add(decision);

        var comments = card("Later information");
        detail.comments()
                .forEach(c -> comments.add(
                        new Paragraph(PlanView.WHEN.format(c.at().atZone(zone)) + ", " + c.by() + ": " + c.text())));
        if (detail.closure() == null) {
            comments.add(comment, addComment);
        }
        content.add(comments);

        var closure = card("Closure");
        if (detail.closure() != null) {
            var c = detail.closure();
            closure.add(fact(
                    "Closed",
                    c.closedBy() + ", " + PlanView.WHEN.format(c.closedAt().atZone(zone))));
            if (c.note() != null) {
                closure.add(fact("Note", c.note()));
            }
        } else if (detail.canDecide() && detail.decision() != null) {
            closure.add(closingNote, close);
        } else {
            closure.add(new Paragraph("Open."));
        }
        content.add(closure);
    }

    /** Where a concern was raised, in words: the stored value is a code. */
    static String sourceInWords(String source) {
        return switch (source) {
            case "client-page" -> "from the client page";
            case "session-note" -> "from a session note";
            case "referral" -> "from the referral";
            default -> "recorded automatically";
        };
    }

    private void showDecisionFields() {
        var chosen = outcome.getValue();
        boolean referral = chosen != null && chosen.isReferral();
        reference.setVisible(referral);
        referredOn.setVisible(referral);
        rationale.setHelperText(chosen == DecisionOutcome.NO_FURTHER_ACTION ? "Required: why no further action." : "");
    }

    private void decide() {
        for (var field : new com.vaadin.flow.component.HasValidation[] {outcome, reference, referredOn, rationale}) {
            field.setInvalid(false);
        }
        if (outcome.getValue() == null) {
            outcome.setErrorMessage("Choose the decision.");
            outcome.setInvalid(true);
            return;
        }
        var chosen = outcome.getValue();
        Feedback.confirm(
                "Record this decision on " + code + "'s concern?",
                "Decision: " + chosen.label() + ". It is "
                        + "recorded with your name and the time and cannot be changed afterwards; later information is added "
                        + "as comments.",
                "Record it",
                this::recordDecision);
    }

    private void recordDecision() {
        var chosen = java.util.Objects.requireNonNull(outcome.getValue());
        try {
            safeguarding.decide(
                    id,
                    new Decision(
                            outcome.getValue(),
                            reference.getValue(),
                            referredOn.getValue(),
                            rationale.getValue(),
                            followUp.getValue()));
        } catch (InvalidFields invalid) {
            FieldMessages.show(
                    invalid,
                    Map.of(
                            "outcome",
                            outcome,
                            "reference",
                            reference,
                            "referredOn",
                            referredOn,
                            "rationale",
                            rationale,
                            "followUp",
                            followUp));
            return;
        } catch (IllegalStateException | org.casebook.client.BreakGlassReadOnly already) {
            Notification.show(already.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            show();
            return;
        }
        Feedback.done("Decision recorded: " + chosen.label().toLowerCase(java.util.Locale.ROOT));
        show();
    }

    private void addComment() {
        comment.setInvalid(false);
        try {
            safeguarding.comment(id, comment.getValue());
        } catch (org.casebook.client.BreakGlassReadOnly readOnly) {
            Notification.show(readOnly.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        } catch (InvalidFields invalid) {
            FieldMessages.show(invalid, Map.of("comment", comment));
            return;
        }
        comment.clear();
        show();
    }

    private void close() {
        try {
            safeguarding.close(id, closingNote.getValue());
        } catch (InvalidFields invalid) {
            FieldMessages.show(invalid, Map.of("note", closingNote));
            return;
        } catch (IllegalStateException | org.casebook.client.BreakGlassReadOnly refused) {
            closingNote.setErrorMessage(refused.getMessage());
            closingNote.setInvalid(true);
            return;
        }
        Feedback.done("Concern closed");
        show();
    }

    private void showRefusal(String message) {
        content.removeAll();
        title = org.casebook.ui.NoAccess.TITLE;
        content.add(new org.casebook.ui.NoAccess(message));
    }

    private static VerticalLayout card(String heading) {
        var card = new VerticalLayout(new H2(heading));
        card.addClassName("card");
        card.setSpacing(false);
        return card;
    }

    private static Component fact(String label, String value) {
        var term = new Span(label + ": ");
        term.addClassName("fact-label");
        return new Div(term, new Span(value));
    }
}
