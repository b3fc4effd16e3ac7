package org.casebook.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.casebook.security.ReAuthentication;
import org.casebook.security.SecondFactorRefused;
import org.springframework.modulith.NamedInterface;

/**
 * Asks the signed-in person for their password and a fresh code before a sensitive step, and runs
 * {@code onConfirmed} only when {@link ReAuthentication} accepts both.
 */
@NamedInterface("reauthentication-dialog")
public class ReAuthenticationDialog extends Dialog {

    static final String REQUIRED = "Enter your password and a code from your authenticator app.";

    final PasswordField password = new PasswordField("Your password");
    final TextField code = new TextField("Code from your authenticator app");
    final Button confirm = new Button("Confirm");
    final Button cancel = new Button("Cancel");

    public ReAuthenticationDialog(ReAuthentication reAuthentication, String reason, Runnable onConfirmed) {
        setHeaderTitle("Confirm it is you");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(6);
        password.setWidthFull();
        code.setWidthFull();
        add(new Paragraph(reason), password, code);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            code.setInvalid(false);
            if (password.getValue().isEmpty() || code.getValue().isBlank()) {
                showError(REQUIRED);
                return;
            }
            try {
                reAuthentication.confirm(password.getValue(), code.getValue().strip());
            } catch (SecondFactorRefused refused) {
                password.clear();
                showError(refused.getMessage());
                return;
            }
            close();
            onConfirmed.run();
        });
        cancel.addClickListener(click -> close());
        getFooter().add(cancel, confirm);
    }

    private void showError(String message) {
        code.clear();
        code.setErrorMessage(message);
        code.setInvalid(true);
    }
}
