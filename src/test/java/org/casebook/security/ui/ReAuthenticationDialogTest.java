package org.casebook.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.casebook.KaribuTest;
import org.casebook.security.ReAuthentication;
import org.casebook.security.TestCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

class ReAuthenticationDialogTest extends KaribuTest {

    private static final String DEMO_PASSWORD = "casebook-demo-2026";

    private final AtomicInteger confirmed = new AtomicInteger();
    private ReAuthenticationDialog dialog;

    @BeforeEach
    void openTheDialog() {
        context.getBean(JdbcTemplate.class)
                .update(
                        "update staff_account set totp_last_step = null, failed_attempts = 0, failed_codes = 0, locked_until = null");
        dialog = new ReAuthenticationDialog(
                context.getBean(ReAuthentication.class), "Confirm to continue.", confirmed::incrementAndGet);
        dialog.open();
    }

    private void submit(String password, String code) {
        _setValue(dialog.password, password);
        _setValue(dialog.code, code);
        _click(dialog.confirm);
    }

    @Test
    @WithUserDetails("supervisor")
    void thePasswordAndACurrentCodeRunTheCallbackAndCloseTheDialog() {
        submit(DEMO_PASSWORD, TestCodes.code(TestCodes.DEMO_SECRET, Instant.now()));
        assertThat(confirmed).hasValue(1);
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    @WithUserDetails("supervisor")
    void aWrongPasswordKeepsTheDialogOpenWithoutRunningTheCallback() {
        submit("not-the-password", TestCodes.code(TestCodes.DEMO_SECRET, Instant.now()));
        assertThat(confirmed).hasValue(0);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.password.getValue()).isEmpty();
    }

    @Test
    @WithUserDetails("supervisor")
    void nothingEnteredAsksForBoth() {
        submit("", "");
        assertThat(confirmed).hasValue(0);
        assertThat(dialog.code.getErrorMessage()).isEqualTo(ReAuthenticationDialog.REQUIRED);
    }
}
