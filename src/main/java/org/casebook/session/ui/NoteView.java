package org.casebook.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.ClientSummary;
import org.casebook.client.ui.ClientHeader;
import org.casebook.security.Roles;
import org.casebook.session.NoteConflict;
import org.casebook.session.NoteDetails;
import org.casebook.session.NoteLocked;
import org.casebook.session.NoteText;
import org.casebook.session.RiskAnswer;
import org.casebook.session.SessionNoteService;
import org.casebook.ui.Dates;
import org.casebook.ui.Feedback;
import org.casebook.ui.FieldMessages;
import org.casebook.ui.NoAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;

/**
 * The note of one attended session, at {@code /note/{appointment id}}. The author's draft is saved as they
 * type (after a pause), so nothing is lost when the session times out or the browser closes; a save that
 * would overwrite someone else's is refused and the typed text stays on screen. Signed notes are read-only
 * and take addenda; the team's supervisor co-signs with a comment.
 */
@Route("note")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class NoteView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    /** How long typing must pause before the draft is saved. */
    static final int AUTOSAVE_AFTER_MS = 1500;

    final TextArea presentation = section("Presentation", "How the client presented today.");
    final TextArea themes = section("Themes discussed", null);
    final TextArea riskObservations =
            section("Risk observations", "Anything said or seen that bears on risk to others or to self.");
    final TextArea interventions = section("Interventions", null);
    final TextArea agreedActions = section("Agreed actions", null);
    final TextArea nextPlan = section("Plan for next session", null);
    final RadioButtonGroup<RiskAnswer> riskChanged =
            new RadioButtonGroup<>("Does anything in this session change the client's risk?");
    final Div riskActions = new Div();
    final Span saveState = new Span();
    final Div conflict = new Div();
    final Button saveNow = new Button("Save draft");
    final Button sign = new Button("Sign note");
    final Div signature = new Div();
    final Div addenda = new Div();
    final TextArea addendumText = new TextArea("Addendum");
    final Button addAddendum = new Button("Sign and add addendum");
    final TextArea coSignComment = new TextArea("Supervisor's comment");
    final Button coSign = new Button("Co-sign");

    private final SessionNoteService notes;
    private final ClientService clients;
    private @Nullable ClientSummary client;
    private final ZoneId zone;
    private @Nullable NoteDetails details;
    private @Nullable Long version;
    private boolean conflicted;
    private boolean loading;
    private String title = "Session note | Casebook";

    NoteView(SessionNoteService notes, @Value("${casebook.time-zone}") ZoneId zone, ClientService clients) {
        this.notes = notes;
        this.clients = clients;
        this.zone = zone;
        addClassName("note-view");
        riskChanged.setItems(RiskAnswer.values());
        riskChanged.setItemLabelGenerator(RiskAnswer::label);
        riskActions.addClassName("risk-actions");
        conflict.addClassName("save-conflict");
        conflict.setVisible(false);
        saveState.addClassName("save-state");
        saveState.getElement().setAttribute("role", "status");
        coSignComment.setRequiredIndicatorVisible(true);
        coSignComment.setHelperText("Required: what you reviewed and agree with.");
        FieldMessages.limit(coSignComment, NoteText.MAX_SECTION);
        for (var area : sections()) {
            // "Saving..." shows in the browser as soon as the person types; the server's "Saved at" replaces it.
            area.addAttachListener(attach -> area.getElement()
                    .executeJs(
                            "const state = $0; this.addEventListener('input', () => state.setAttribute('data-saving', ''));",
                            saveState.getElement()));
            area.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    autosave();
                }
            });
        }
        riskChanged.addValueChangeListener(change -> {
            showRiskActions();
            if (change.isFromClient()) {
                autosave();
            }
        });
        saveNow.addClickListener(click -> save());
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.addClickListener(click -> confirmSigning());
        addAddendum.addClickListener(click -> addAddendum());
        coSign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        coSign.addClickListener(click -> coSign());
    }

    @Override
    public void setParameter(BeforeEvent event, String appointmentId) {
        removeAll();
        client = null;
        try {
            var note = notes.open(appointmentId);
            client = clients.summary(note.clientCode());
            show(note);
        } catch (ClientAccessDenied denied) {
            refuse(ClientAccessDenied.MESSAGE);
        } catch (IllegalArgumentException notAnId) {
            // Worded as every other refusal, so that trying ids tells nothing.
            refuse(ClientAccessDenied.MESSAGE);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void refuse(String message) {
        title = NoAccess.TITLE;
        add(new NoAccess(message));
    }

    private void show(NoteDetails note) {
        removeAll();
        details = note;
        version = note.version();
        conflicted = false;
        conflict.setVisible(false);
        title = "Note " + note.clientCode() + " | Casebook";
        if (client != null) {
            add(new ClientHeader(client, "Session note"));
        }
        // The save state sits beside the heading, so it is always in sight while writing.
        var heading = new Div(new H1("Session note"), saveState);
        heading.addClassName("note-heading");
        var when =
                new Paragraph("Session on " + Dates.when(note.appointmentAt(), zone) + " with " + note.author() + ".");
        add(heading, when, new Anchor("sessions/" + note.clientCode(), "All sessions of " + note.clientCode()));
        saveState.setVisible(note.mayEdit());
        if (note.overdue()) {
            var overdue = new Span("Unsigned more than 72 hours after the session: overdue");
            overdue.getElement().getThemeList().add("badge error");
            add(overdue);
        }
        if (note.noteId() == null && !note.mayEdit()) {
            add(new Paragraph("No note has been written for this session."));
            return;
        }
        loading = true;
        set(presentation, note.text().presentation());
        set(themes, note.text().themes());
        set(riskObservations, note.text().riskObservations());
        set(interventions, note.text().interventions());
        set(agreedActions, note.text().agreedActions());
        set(nextPlan, note.text().nextPlan());
        riskChanged.setValue(note.text().riskChanged());
        loading = false;
        for (var area : sections()) {
            area.setReadOnly(!note.mayEdit());
        }
        riskChanged.setReadOnly(!note.mayEdit());
        add(
                conflict,
                presentation,
                themes,
                riskObservations,
                riskChanged,
                riskActions,
                interventions,
                agreedActions,
                nextPlan);
        showRiskActions();
        if (note.mayEdit()) {
            saveState.setText(
                    note.lastSaved() == null
                            ? "Not saved yet: your draft is saved as you type"
                            : "Saved at " + savedAt(note.lastSaved()));
            add(new HorizontalLayout(saveNow, sign));
        }
        showSignature(note);
        showAddenda(note);
    }

    private void showRiskActions() {
        riskActions.removeAll();
        var answer = riskChanged.getValue();
        if (details == null || answer == null || answer == RiskAnswer.NO) {
            return;
        }
        var code = details.clientCode();
        var raise = new Anchor("safeguarding/new/" + code + "?source=session-note", "Raise a safeguarding concern");
        raise.addClassName("raise-concern");
        var review = new Anchor("plan/" + code, "Schedule a review of the risk plan");
        review.addClassName("plan-review");
        riskActions.add(
                new Paragraph("If someone may be at risk, raise a concern now; if the risk picture has changed, "
                        + "review the plan."),
                raise,
                new Span(" "),
                review);
    }

    private void showSignature(NoteDetails note) {
        signature.removeAll();
        signature.addClassName("signature");
        if (note.signedAt() != null) {
            signature.add(new Paragraph("Signed by " + note.author() + " on " + Dates.when(note.signedAt(), zone)
                    + ". The note is locked; corrections are addenda."));
        }
        if (note.coSignedAt() != null) {
            signature.add(new Paragraph("Co-signed by " + note.coSignedBy() + " on "
                    + Dates.when(note.coSignedAt(), zone) + ": " + note.coSignComment()));
        }
        add(signature);
        if (note.mayCoSign()) {
            coSignComment.setWidthFull();
            var card = new VerticalLayout(new H2("Review and co-sign"), coSignComment, coSign);
            card.addClassName("card");
            add(card);
        }
    }

    private void showAddenda(NoteDetails note) {
        addenda.removeAll();
        addenda.addClassName("addenda");
        if (!note.addenda().isEmpty()) {
            addenda.add(new H2("Addenda"));
            for (var addendum : note.addenda()) {
                var item = new Div(
                        new Paragraph(addendum.text()),
                        new Span("Signed by " + addendum.author() + " on " + Dates.when(addendum.signedAt(), zone)));
                item.addClassName("addendum");
                addenda.add(item);
            }
        }
        add(addenda);
        if (note.mayAddAddendum()) {
            addendumText.setWidthFull();
            addendumText.setHelperText("An addendum is signed and dated when added, and never changes the note above.");
            FieldMessages.limit(addendumText, NoteText.MAX_SECTION);
            add(addendumText, addAddendum);
        }
    }

    private void autosave() {
        if (!loading && !conflicted && details != null && details.mayEdit()) {
            save();
        }
    }

    /** Saves the draft; true if it was saved. */
    boolean save() {
        if (details == null || conflicted) {
            return false;
        }
        saveState.getElement().executeJs("this.removeAttribute('data-saving')");
        try {
            var saved = notes.saveDraft(details.appointmentId(), version, text());
            version = saved.version();
            saveState.setText("Saved at " + savedAt(saved.savedAt()));
            for (var area : sections()) {
                area.setInvalid(false);
            }
            return true;
        } catch (NoteConflict clash) {
            conflicted = true;
            conflict.removeAll();
            var reload = new Button("Reload the saved version", click -> reload());
            conflict.add(new Paragraph(clash.getMessage()), reload);
            conflict.setVisible(true);
            saveState.setText("Not saved.");
        } catch (NoteLocked | AccessDeniedException refused) {
            conflicted = true;
            conflict.removeAll();
            conflict.add(new Paragraph(refused.getMessage()));
            conflict.setVisible(true);
            saveState.setText("Not saved.");
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            saveState.setText("Not saved: " + invalid.getMessage());
        }
        return false;
    }

    private void reload() {
        if (details != null) {
            show(notes.open(details.appointmentId()));
        }
    }

    private void confirmSigning() {
        if (!save()) {
            return;
        }
        var note = Objects.requireNonNull(details);
        Feedback.confirm(
                "Sign this note?",
                "You are signing the note of " + note.clientCode() + "'s session on "
                        + Dates.when(note.appointmentAt(), zone)
                        + ". Once signed, the note is locked: corrections can then "
                        + "only be added as signed addenda.",
                "Sign",
                () -> {
                    try {
                        show(notes.sign(note.appointmentId(), Objects.requireNonNull(version)));
                        Feedback.done("Note signed");
                    } catch (NoteConflict | IllegalStateException refused) {
                        saveState.setText(refused.getMessage());
                    }
                });
    }

    private void addAddendum() {
        if (details == null) {
            return;
        }
        var note = details;
        if (addendumText.getValue().isBlank()) {
            addendumText.setErrorMessage("Write the addendum first.");
            addendumText.setInvalid(true);
            return;
        }
        Feedback.confirm(
                "Sign and add this addendum?",
                "The addendum is added to the note of " + note.clientCode()
                        + "'s session on " + Dates.when(note.appointmentAt(), zone)
                        + ", signed by you and dated now. It "
                        + "cannot be changed or removed afterwards.",
                "Sign and add",
                () -> {
                    try {
                        var updated = notes.addAddendum(note.appointmentId(), addendumText.getValue());
                        addendumText.clear();
                        addendumText.setInvalid(false);
                        show(updated);
                        Feedback.done("Addendum signed and added");
                    } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
                        addendumText.setErrorMessage(refused.getMessage());
                        addendumText.setInvalid(true);
                    }
                });
    }

    private void coSign() {
        if (details == null) {
            return;
        }
        try {
            show(notes.coSign(details.appointmentId(), coSignComment.getValue()));
            Feedback.done("Note co-signed");
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException | NoteConflict refused) {
            coSignComment.setErrorMessage(refused.getMessage());
            coSignComment.setInvalid(true);
        }
    }

    private NoteText text() {
        return new NoteText(
                presentation.getValue(),
                themes.getValue(),
                riskObservations.getValue(),
                interventions.getValue(),
                agreedActions.getValue(),
                nextPlan.getValue(),
                riskChanged.getValue());
    }

    private List<TextArea> sections() {
        return List.of(presentation, themes, riskObservations, interventions, agreedActions, nextPlan);
    }

    private static TextArea section(String label, @Nullable String helper) {
        var area = new TextArea(label);
        area.setWidthFull();
        area.setMinHeight("6em");
        if (helper != null) {
            area.setHelperText(helper);
        }
        FieldMessages.limit(area, NoteText.MAX_SECTION);
        area.setValueChangeMode(ValueChangeMode.TIMEOUT);
        area.setValueChangeTimeout(AUTOSAVE_AFTER_MS);
        return area;
    }

    private String savedAt(java.time.Instant at) {
        return Dates.TIME.format(at.atZone(zone));
    }

    private static void set(TextArea area, @Nullable String value) {
        area.setValue(value == null ? "" : value);
    }
}
