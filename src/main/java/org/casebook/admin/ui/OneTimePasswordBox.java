package org.casebook.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A one-time password, in its own box with a copy button, until the administrator dismisses it: it is shown
 * only this once, so it must not vanish with the next message or click.
 */
class OneTimePasswordBox extends Div {

    final Span password = new Span();
    final Paragraph explanation = new Paragraph();
    final Button copy = new Button("Copy", VaadinIcon.COPY.create());
    final Button dismiss = new Button("I have given it to them: dismiss");
    private final H2 heading = new H2();

    OneTimePasswordBox() {
        addClassName("one-time-password-box");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "One-time password");
        password.addClassName("one-time-password");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.addClickListener(click -> {
            password.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText(this.textContent)");
            copy.setText("Copied");
        });
        dismiss.addClickListener(click -> clear());
        var line = new Div(password, copy);
        line.addClassName("one-time-password-line");
        add(heading, line, explanation, dismiss);
        setVisible(false);
    }

    /** Shows the password for this person with what to do with it; stays until dismissed. */
    void show(String username, String oneTimePassword, String whatNext) {
        heading.setText("One-time password for " + username);
        password.setText(oneTimePassword);
        explanation.setText(whatNext);
        copy.setText("Copy");
        setVisible(true);
    }

    void clear() {
        password.setText("");
        setVisible(false);
    }
}
