package org.casebook.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.casebook.security.SecondFactorRefused;
import org.casebook.security.TwoFactorService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The second step of sign-in: a code from the authenticator app (or a recovery code). At the first
 * sign-in of an account without an app it sets one up: QR code and secret, a first code to confirm,
 * then ten recovery codes shown once.
 */
@Route(value = "login/code", autoLayout = false)
@PageTitle("Enter your code | Casebook")
@PermitAll
public class SecondFactorView extends VerticalLayout {

    static final String REQUIRED = "Enter the code.";

    final TextField code = new TextField();
    final Button confirm = new Button("Continue");
    final Div card = new Div();

    @Nullable
    Image qrCode;

    @Nullable
    Span secret;

    @Nullable
    UnorderedList recoveryCodes;

    @Nullable
    Button done;

    private final TwoFactorService twoFactor;
    private final SecurityContextHolderStrategy securityContext;
    private TwoFactorService.@Nullable Enrolment enrolment;

    SecondFactorView(TwoFactorService twoFactor, ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.twoFactor = twoFactor;
        this.securityContext = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        card.addClassName("login-card");
        add(card);

        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(20);
        code.setWidthFull();
        code.setAutofocus(true);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        var signOut = new Anchor("logout", "Sign out");
        signOut.setRouterIgnore(true);

        if (twoFactor.enrolled()) {
            code.setLabel("Code from your authenticator app");
            code.setHelperText("Lost your phone? Enter one of your recovery codes instead.");
            confirm.addClickListener(click -> verify());
            card.add(new H1("Enter your code"), code, confirm, signOut);
        } else {
            var started = twoFactor.newEnrolment();
            enrolment = started;
            qrCode = new Image(QrCode.svgDataUrl(started.otpauthUri()), "QR code for your authenticator app");
            qrCode.setWidth("220px");
            secret = new Span(started.secret().replaceAll("(.{4})(?!$)", "$1 "));
            secret.addClassName("two-factor-secret");
            code.setLabel("First code from the app");
            confirm.setText("Set up");
            confirm.addClickListener(click -> confirmEnrolment());
            card.add(
                    new H1("Set up two-factor sign-in"),
                    new Paragraph("Casebook asks for a code from an authenticator app each time you sign in. "
                            + "Scan this QR code with the app (for example Microsoft Authenticator, Google "
                            + "Authenticator or FreeOTP), or type in the key below."),
                    qrCode,
                    new Paragraph(new Span("Key: "), secret),
                    code,
                    confirm,
                    signOut);
        }
    }

    private void verify() {
        if (!present()) {
            return;
        }
        try {
            twoFactor.verify(code.getValue());
        } catch (SecondFactorRefused refused) {
            showError(refused.getMessage());
            return;
        }
        SecondFactorSession.complete(securityContext);
        UI.getCurrent().navigate("");
    }

    private void confirmEnrolment() {
        if (!present() || enrolment == null) {
            return;
        }
        List<String> codes;
        try {
            codes = twoFactor.confirmEnrolment(enrolment, code.getValue());
        } catch (SecondFactorRefused refused) {
            showError(refused.getMessage());
            return;
        }
        enrolment = null;
        SecondFactorSession.complete(securityContext);
        var list = new UnorderedList(codes.stream().map(ListItem::new).toArray(ListItem[]::new));
        list.addClassName("recovery-codes");
        recoveryCodes = list;
        var finished = new Button(
                "I have kept them safe: continue", click -> UI.getCurrent().navigate(""));
        finished.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done = finished;
        card.removeAll();
        card.add(
                new H1("Your recovery codes"),
                new Paragraph("If you lose your phone, each of these codes lets you sign in once instead of a "
                        + "code from the app. Write them down or print them and keep them somewhere safe. "
                        + "They are shown only now."),
                list,
                finished);
    }

    private boolean present() {
        code.setInvalid(false);
        if (code.getValue().isBlank()) {
            showError(REQUIRED);
            return false;
        }
        return true;
    }

    private void showError(String message) {
        code.clear();
        code.setErrorMessage(message);
        code.setInvalid(true);
    }
}
