package org.casebook.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.annotation.Value;

/** The sign-in page. One message for every failure, so it never tells whether a username exists. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Casebook")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String FAILURE_TITLE = "Those details did not work";
    static final String FAILURE_MESSAGE = "Check your username and password and try again.";

    final LoginForm form = new LoginForm();
    final LoginI18n i18n = LoginI18n.createDefault();

    LoginView(@Value("${casebook.charity-name}") String charityName) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        var charity = new Span(charityName);
        charity.addClassName("login-charity");
        var title = new H1("Casebook");
        title.addClassName("login-title");

        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle(FAILURE_TITLE);
        i18n.getErrorMessage().setMessage(FAILURE_MESSAGE);
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        var help = new Paragraph("Forgotten your password or locked out? Ask an administrator of your charity.");
        help.addClassName("login-help");

        var card = new Div(charity, title, form, help);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
