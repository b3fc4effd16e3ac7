package org.casebook.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The one "No access" page body, for every refusal: a page the person's role may not open, a client or record
 * outside need-to-know, or one that does not exist. Its words never tell those apart. Pages that offer more
 * (break-glass on the client page) add it below.
 */
public class NoAccess extends Div {

    /** The page title that goes with it. */
    public static final String TITLE = "No access | Casebook";

    /** For a page (route) the person may not open, or that does not exist. */
    public static final String PAGE_MESSAGE = "You do not have access to this page, or there is no such page.";

    public NoAccess(String message) {
        addClassName("no-access");
        add(
                new H1("No access"),
                new Paragraph(message),
                new Paragraph("If you think you should have access, ask your supervisor or administrator."),
                new Anchor("", "Back to your home page"));
    }
}
