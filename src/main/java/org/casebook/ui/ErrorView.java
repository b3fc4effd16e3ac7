package org.casebook.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one error page: shown instead of any page whose opening failed unexpectedly (more specific
 * error views, such as "not found" and "access denied", keep their own). Plain words and the
 * incident reference from the log line, never the exception.
 */
@PageTitle("Something went wrong | Casebook")
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    final H1 heading = new H1();
    final Paragraph explanation = new Paragraph();
    final Span reference = new Span();

    private final Incidents incidents;

    public ErrorView(Incidents incidents) {
        this.incidents = incidents;
        addClassName("error-view");
        reference.addClassName("incident-reference");
        add(
                heading,
                explanation,
                new Paragraph(new Span("Incident reference: "), reference),
                new Anchor("", "Back to the home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        var incident = incidents.record(parameter.getCaughtException());
        reference.setText(incident.reference());
        if (incident.databaseUnreachable()) {
            heading.setText("Casebook cannot reach its database");
            explanation.setText("Nothing is lost that was already saved. Try again in a moment.");
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        heading.setText("This page could not be opened");
        explanation.setText("Something went wrong on Casebook's side. Try again; if it keeps happening, give your "
                + "administrator the reference below.");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
