package org.casebook.session.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.util.List;
import org.casebook.session.NoteToCoSign;
import org.casebook.ui.Dates;
import org.springframework.modulith.NamedInterface;

/**
 * A supervisor's "Notes to co-sign": each row opens the note, where the review and co-signature are. Shown on
 * the home page and the supervision dashboard.
 */
@NamedInterface("co-sign-queue")
public class CoSignQueue extends Div {

    /** How many rows show before "Show all": the queue must not push the rest of the page away. */
    static final int FIRST = 5;

    final UnorderedList rows = new UnorderedList();
    final com.vaadin.flow.component.button.Button showAll = new com.vaadin.flow.component.button.Button();

    public CoSignQueue(List<NoteToCoSign> notes, ZoneId zone) {
        addClassNames("role-card", "co-sign-queue");
        add(new H2("Notes to co-sign"));
        if (notes.isEmpty()) {
            add(new Paragraph("No signed note is waiting for your review."));
            return;
        }
        add(new Paragraph("Signed notes of your team waiting for your review, oldest first. Open one to read it and "
                + "co-sign it with a comment."));
        for (var note : notes) {
            var row = new ListItem(
                    new Anchor(
                            "note/" + note.appointmentId(),
                            note.clientCode() + ", session " + Dates.when(note.appointmentAt(), zone)),
                    new Span(" (" + note.counsellor() + ")"));
            row.setVisible(rows.getComponentCount() < FIRST);
            rows.add(row);
        }
        add(rows);
        if (notes.size() > FIRST) {
            showAll.setText("Show all " + notes.size());
            showAll.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            showAll.addClickListener(click -> {
                rows.getChildren().forEach(row -> row.setVisible(true));
                showAll.setVisible(false);
            });
            add(showAll);
        }
    }
}
