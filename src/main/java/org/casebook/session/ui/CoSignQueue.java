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

    final UnorderedList rows = new UnorderedList();

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
            rows.add(new ListItem(new Anchor("note/" + note.appointmentId(), note.clientCode() + ", session "
                    + Dates.when(note.appointmentAt(), zone)), new Span(" (" + note.counsellor() + ")")));
        }
        add(rows);
    }
}
