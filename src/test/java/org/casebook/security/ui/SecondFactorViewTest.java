package org.casebook.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import org.casebook.KaribuTest;
import org.casebook.security.SecondFactor;
import org.casebook.security.TestCodes;
import org.casebook.ui.HomeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithUserDetails;

class SecondFactorViewTest extends KaribuTest {

    private JdbcTemplate jdbc;
    private byte[] counsellor2Secret;

    @BeforeEach
    void noCodeUsedYet() {
        jdbc = context.getBean(JdbcTemplate.class);
        jdbc.update(
                "update staff_account set totp_last_step = null, failed_attempts = 0, failed_codes = 0, locked_until = null");
        counsellor2Secret = jdbc.queryForObject(
                "select totp_secret from staff_account where username = 'counsellor2'", byte[].class);
    }

    @AfterEach
    void restoreTheDemoEnrolment() {
        jdbc.update("delete from staff_recovery_code");
        jdbc.update(
                "update staff_account set totp_secret = ?, totp_last_step = null where username = 'counsellor2'",
                (Object) counsellor2Secret);
    }

    private boolean secondFactorComplete() {
        return SecondFactor.isComplete(context.getBean(SecurityContextHolderStrategy.class)
                .getContext()
                .getAuthentication());
    }

    private static void enter(String code) {
        var view = _get(SecondFactorView.class);
        _setValue(view.code, code);
        _click(view.confirm);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aOneTimePasswordWaitsUntilTheCodeIsEnteredInsteadOfLoopingBetweenTheTwoPages() {
        var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        jdbc.update("update staff_account set must_change_password = true where username = 'counsellor1'");
        try {
            signedInWithPasswordOnly();
            UI.getCurrent().navigate(HomeView.class);
            _get(SecondFactorView.class);
            _assertNone(ChangePasswordView.class);
        } finally {
            jdbc.update("update staff_account set must_change_password = false where username = 'counsellor1'");
        }
    }

    @Test
    @WithUserDetails("counsellor1")
    void signedInWithThePasswordOnlyEveryViewLeadsToTheCodePage() {
        signedInWithPasswordOnly();
        UI.getCurrent().navigate(HomeView.class);
        _get(SecondFactorView.class);
        _assertNone(HomeView.class);
        UI.getCurrent().navigate(ChangePasswordView.class);
        _get(SecondFactorView.class);
        _assertNone(ChangePasswordView.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void theRightCodeCompletesSignInAndOpensHome() {
        signedInWithPasswordOnly();
        UI.getCurrent().navigate(HomeView.class);
        enter(TestCodes.code(TestCodes.DEMO_SECRET, Instant.now()));
        assertThat(secondFactorComplete()).isTrue();
        _get(HomeView.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aWrongCodeIsRefusedAuditedAndCounted() {
        signedInWithPasswordOnly();
        UI.getCurrent().navigate(HomeView.class);
        var audited = jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'SECOND_FACTOR_FAILURE'", Long.class);
        var wrong = TestCodes.code(TestCodes.DEMO_SECRET, Instant.now()).equals("000000") ? "111111" : "000000";
        enter(wrong);
        var view = _get(SecondFactorView.class);
        assertThat(view.code.isInvalid()).isTrue();
        assertThat(view.code.getValue()).isEmpty();
        assertThat(secondFactorComplete()).isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'SECOND_FACTOR_FAILURE'", Long.class))
                .isEqualTo(audited + 1);
        assertThat(jdbc.queryForObject(
                        "select failed_codes from staff_account where username = 'counsellor1'", Integer.class))
                .isEqualTo(1);
    }

    private static String sessionId() {
        return VaadinSession.getCurrent().getSession().getId();
    }

    @Test
    @WithUserDetails("counsellor1")
    void theSessionGetsANewIdWhenTheCodeIsAcceptedButNotWhenItIsRefused() {
        signedInWithPasswordOnly();
        UI.getCurrent().navigate(HomeView.class);
        var atPassword = sessionId();
        var wrong = TestCodes.code(TestCodes.DEMO_SECRET, Instant.now()).equals("000000") ? "111111" : "000000";
        enter(wrong);
        assertThat(sessionId()).isEqualTo(atPassword);
        enter(TestCodes.code(TestCodes.DEMO_SECRET, Instant.now()));
        _get(HomeView.class);
        assertThat(sessionId())
                .as("an id known before the code step is worth nothing after it")
                .isNotEqualTo(atPassword);
    }

    @Test
    @WithUserDetails("counsellor2")
    void theSessionGetsANewIdWhenAnAppIsSetUpToo() {
        jdbc.update("update staff_account set totp_secret = null where username = 'counsellor2'");
        signedInWithPasswordOnly();
        UI.getCurrent().navigate(HomeView.class);
        var view = _get(SecondFactorView.class);
        var atPassword = sessionId();
        enter(TestCodes.code(view.secret.getText().replace(" ", ""), Instant.now()));
        assertThat(secondFactorComplete()).isTrue();
        assertThat(sessionId()).isNotEqualTo(atPassword);
    }

    @Test
    @WithUserDetails("counsellor2")
    void anAccountWithoutAnAppEnrolsWithAQrCodeAndGetsRecoveryCodesOnce() {
        jdbc.update("update staff_account set totp_secret = null where username = 'counsellor2'");
        signedInWithPasswordOnly();
        UI.getCurrent().navigate(HomeView.class);
        var view = _get(SecondFactorView.class);
        assertThat(view.qrCode).isNotNull();
        assertThat(view.qrCode.getSrc()).startsWith("data:image/svg+xml;base64,");
        var secret = view.secret.getText().replace(" ", "");
        assertThat(secret).hasSize(32).doesNotContain(TestCodes.DEMO_SECRET);

        enter(TestCodes.code(secret, Instant.now()));
        assertThat(secondFactorComplete()).isTrue();
        assertThat(view.recoveryCodes).isNotNull();
        var codes = view.recoveryCodes
                .getChildren()
                .map(c -> ((ListItem) c).getText())
                .toList();
        assertThat(codes).hasSize(10);
        _click(view.done);
        _get(HomeView.class);

        // The next sign-in may use a recovery code instead of the app, but each only once.
        signedInWithPasswordOnly();
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_get(SecondFactorView.class).qrCode).isNull();
        enter(codes.get(0));
        _get(HomeView.class);
        signedInWithPasswordOnly();
        UI.getCurrent().navigate(HomeView.class);
        enter(codes.get(0));
        assertThat(_get(SecondFactorView.class).code.isInvalid()).isTrue();
        assertThat(secondFactorComplete()).isFalse();
    }

    @Test
    @WithUserDetails("counsellor1")
    void onceTheCodeIsGivenTheCodePageLeadsHome() {
        UI.getCurrent().navigate(SecondFactorView.class);
        _get(HomeView.class);
    }

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(SecondFactorView.class);
        _get(LoginView.class);
    }
}
