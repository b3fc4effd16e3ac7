package org.casebook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Test only: a page that fails the way an unexpected database error does, with SQL and a value in the
 * exception's message, when opened with {@code ?fail} or when its button is clicked.
 */
@Route("test-only/failing")
@PermitAll
public class FailingTestView extends VerticalLayout implements BeforeEnterObserver {

    static final String SECRET = "select summary from referral where preferred_name = 'Marker Person'";

    final TextArea typed = new TextArea("Typed text");
    final Button fail = new Button("Fail", click -> {
        throw new IllegalStateException("ERROR: " + SECRET);
    });

    public FailingTestView() {
        add(typed, fail);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("fail")) {
            throw new IllegalStateException("ERROR: " + SECRET);
        }
    }
}
