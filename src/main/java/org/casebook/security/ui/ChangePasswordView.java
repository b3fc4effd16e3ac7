package org.casebook.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.casebook.security.AccountService;
import org.casebook.security.PasswordChangeRefused;
import org.casebook.security.PasswordPolicy;

/** Where a signed-in person changes their own password. */
@Route("account/password")
@PageTitle("Change password | Casebook")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    static final String REQUIRED = "Enter your current password.";
    static final String MISMATCH = "The two new passwords are not the same.";
    static final String CHANGED = "Your password has been changed. Use the new one next time you sign in.";
    static final String REQUIRED_FIRST =
            "Your password was set by an administrator for one use only. " + "Choose your own password to continue.";

    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeatPassword = new PasswordField("Repeat the new password");
    final Button change = new Button("Change password");
    final Paragraph confirmation = new Paragraph();
    final Paragraph changeRequired = new Paragraph(REQUIRED_FIRST);

    private final AccountService accounts;

    ChangePasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("change-password-view");
        currentPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeatPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        newPassword.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters. A few unrelated words "
                + "make a strong password that is easy to remember. Avoid common passwords and your own name.");
        for (var field : new PasswordField[] {currentPassword, newPassword, repeatPassword}) {
            field.setWidth("24em");
            field.setMaxLength(PasswordPolicy.MAX_LENGTH * 2);
        }
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(click -> change());
        confirmation.addClassName("change-password-confirmation");
        confirmation.setVisible(false);
        changeRequired.addClassName("change-password-required");
        changeRequired.setVisible(accounts.mustChangePassword());
        add(
                new H1("Change password"),
                changeRequired,
                confirmation,
                currentPassword,
                newPassword,
                repeatPassword,
                change);
    }

    private void change() {
        clearErrors();
        confirmation.setVisible(false);
        if (currentPassword.getValue().isEmpty()) {
            showError(currentPassword, REQUIRED);
            return;
        }
        if (!newPassword.getValue().equals(repeatPassword.getValue())) {
            showError(repeatPassword, MISMATCH);
            return;
        }
        try {
            accounts.changePassword(currentPassword.getValue(), newPassword.getValue());
        } catch (PasswordChangeRefused refused) {
            showError(
                    refused.field() == PasswordChangeRefused.Field.CURRENT_PASSWORD ? currentPassword : newPassword,
                    refused.getMessage());
            return;
        }
        currentPassword.clear();
        newPassword.clear();
        repeatPassword.clear();
        changeRequired.setVisible(false);
        confirmation.setText(CHANGED);
        confirmation.setVisible(true);
    }

    private void clearErrors() {
        for (var field : new PasswordField[] {currentPassword, newPassword, repeatPassword}) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    private static void showError(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
