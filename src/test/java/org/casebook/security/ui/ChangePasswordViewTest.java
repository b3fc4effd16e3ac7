package org.casebook.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import org.casebook.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

class ChangePasswordViewTest extends KaribuTest {

    private static final String DEMO_PASSWORD = "casebook-demo-2026";
    private static final String NEW_PASSWORD = "copper meadow kettle";

    @AfterEach
    void restoreTheDemoPassword() {
        context.getBean(JdbcTemplate.class)
                .update(
                        "update staff_account set password_hash = ?, failed_attempts = 0, failed_codes = 0, locked_until = null "
                                + "where username = 'counsellor1'",
                        context.getBean(PasswordEncoder.class).encode(DEMO_PASSWORD));
    }

    private ChangePasswordView open() {
        UI.getCurrent().navigate(ChangePasswordView.class);
        return _get(ChangePasswordView.class);
    }

    private static void submit(ChangePasswordView view, String current, String newPassword, String repeat) {
        _setValue(view.currentPassword, current);
        _setValue(view.newPassword, newPassword);
        _setValue(view.repeatPassword, repeat);
        _click(view.change);
    }

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(ChangePasswordView.class);
        _get(LoginView.class);
        _assertNone(ChangePasswordView.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorCanOpenIt() {
        assertThat(open().confirmation.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorCanOpenIt() {
        open();
    }

    @Test
    @WithUserDetails("admin")
    void administratorCanOpenIt() {
        open();
    }

    @Test
    @WithUserDetails("counsellor1")
    void aMissingCurrentPasswordIsShownAtTheField() {
        var view = open();
        submit(view, "", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(view.currentPassword.isInvalid()).isTrue();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo(ChangePasswordView.REQUIRED);
    }

    @Test
    @WithUserDetails("counsellor1")
    void differentRepeatedPasswordsAreShownAtTheRepeatFieldAndTheTypedValuesStay() {
        var view = open();
        submit(view, DEMO_PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x");
        assertThat(view.repeatPassword.isInvalid()).isTrue();
        assertThat(view.repeatPassword.getErrorMessage()).isEqualTo(ChangePasswordView.MISMATCH);
        assertThat(view.newPassword.getValue()).isEqualTo(NEW_PASSWORD);
        assertThat(view.repeatPassword.getValue()).isEqualTo(NEW_PASSWORD + "x");
        assertThat(view.confirmation.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("counsellor1")
    void aPasswordThePolicyRefusesIsExplainedAtTheNewPasswordField() {
        var view = open();
        submit(view, DEMO_PASSWORD, "short one", "short one");
        assertThat(view.newPassword.isInvalid()).isTrue();
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("Use at least 12 characters.");
        submit(view, DEMO_PASSWORD, "qwertyuiopasdfghjkl", "qwertyuiopasdfghjkl");
        assertThat(view.newPassword.getErrorMessage()).contains("most common passwords");
        submit(view, DEMO_PASSWORD, "Casey's long password", "Casey's long password");
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("Do not use your name in your password.");
        assertThat(view.currentPassword.getValue()).isEqualTo(DEMO_PASSWORD);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aWrongCurrentPasswordIsShownAtTheCurrentPasswordField() {
        var view = open();
        submit(view, "not-my-password", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(view.currentPassword.isInvalid()).isTrue();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("That is not your current password.");
        assertThat(view.newPassword.isInvalid()).isFalse();
        assertThat(view.newPassword.getValue()).isEqualTo(NEW_PASSWORD);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aValidChangeIsConfirmedAndTheFieldsEmptied() {
        var view = open();
        submit(view, DEMO_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(view.confirmation.isVisible()).isTrue();
        assertThat(view.confirmation.getText()).isEqualTo(ChangePasswordView.CHANGED);
        assertThat(view.currentPassword.isInvalid()).isFalse();
        assertThat(view.currentPassword.getValue()).isEmpty();
        assertThat(view.newPassword.getValue()).isEmpty();
        var hash = context.getBean(JdbcTemplate.class)
                .queryForObject("select password_hash from staff_account where username = 'counsellor1'", String.class);
        assertThat(context.getBean(PasswordEncoder.class).matches(NEW_PASSWORD, hash))
                .isTrue();
    }
}
