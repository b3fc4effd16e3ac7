package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.casebook.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * Wrong second-factor codes are counted on their own: someone who has the password gets five guesses
 * at the code, not an unlimited number, whether at sign-in or in the re-authentication dialog.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class SecondFactorLockOutTest {

    private static final byte[] DEMO_SECRET = Base32.decode(DemoAccounts.DEMO_TOTP_SECRET);

    @Autowired
    TwoFactorService twoFactor;

    @Autowired
    ReAuthentication reAuthentication;

    @Autowired
    AccountService accountService;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void freshStepAndNoFailures() {
        clock.advance(Duration.ofMinutes(5));
        jdbc.update("update staff_account set failed_attempts = 0, failed_codes = 0, locked_until = null");
    }

    private String code() {
        return Totp.code(DEMO_SECRET, Totp.stepAt(clock.instant()));
    }

    private Throwable signIn(String username, String password) throws Exception {
        var manager = authenticationConfiguration.getAuthenticationManager();
        return catchThrowable(
                () -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)));
    }

    private int failedCodes(String username) {
        return jdbc.queryForObject(
                "select failed_codes from staff_account where username = ?", Integer.class, username);
    }

    private long locks(String username) {
        return jdbc.queryForObject("""
                select count(*) from audit_entry where action = 'ACCOUNT_LOCKED'
                and record_id = (select cast(id as varchar(20)) from staff_account where username = ?)""", Long.class, username);
    }

    @Test
    @WithUserDetails("counsellor3")
    void aCorrectPasswordBetweenWrongCodesDoesNotStartTheCountAgainSoTheFifthWrongCodeLocks() throws Exception {
        var locksBefore = locks("counsellor3");
        for (int i = 1; i <= SignInThrottle.LOCK_AFTER_CODES; i++) {
            assertThat(signIn("counsellor3", DemoAccounts.DEMO_PASSWORD))
                    .as("password before code %d", i)
                    .isNull();
            assertThatThrownBy(() -> twoFactor.verify("000000")).isInstanceOf(SecondFactorRefused.class);
            assertThat(failedCodes("counsellor3")).isEqualTo(i);
        }
        assertThat(throttle.isLocked("counsellor3")).isTrue();
        assertThat(locks("counsellor3"))
                .as("the same lock, audited as every lock")
                .isEqualTo(locksBefore + 1);
        assertThat(signIn("counsellor3", DemoAccounts.DEMO_PASSWORD)).isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> twoFactor.verify(code()))
                .isInstanceOf(SecondFactorRefused.class)
                .hasMessage(TwoFactorService.LOCKED);
    }

    @Test
    @WithUserDetails("counsellor3")
    void fourWrongCodesDoNotLockAndOnlyAnAcceptedCodeStartsTheCountAgain() throws Exception {
        for (int i = 1; i < SignInThrottle.LOCK_AFTER_CODES; i++) {
            assertThatThrownBy(() -> twoFactor.verify("000000"))
                    .isInstanceOf(SecondFactorRefused.class)
                    .hasMessage(TwoFactorService.WRONG_CODE);
        }
        assertThat(throttle.isLocked("counsellor3")).isFalse();
        assertThat(signIn("counsellor3", DemoAccounts.DEMO_PASSWORD)).isNull();
        assertThat(failedCodes("counsellor3"))
                .as("the password leaves the count of codes alone")
                .isEqualTo(SignInThrottle.LOCK_AFTER_CODES - 1);
        twoFactor.verify(code());
        assertThat(failedCodes("counsellor3")).isZero();
    }

    @Test
    @WithUserDetails("counsellor3")
    void wrongRecoveryCodesAreCodeAttemptsToo() {
        for (int i = 0; i < SignInThrottle.LOCK_AFTER_CODES; i++) {
            assertThatThrownBy(() -> twoFactor.verify("abcde-fghjk")).isInstanceOf(SecondFactorRefused.class);
        }
        assertThat(throttle.isLocked("counsellor3")).isTrue();
    }

    @Test
    @WithUserDetails("counsellor3")
    void aLockFromCodesLastsAsLongAsAnyLockAndOneMoreWrongCodeAfterItLocksAgain() throws Exception {
        for (int i = 0; i < SignInThrottle.LOCK_AFTER_CODES; i++) {
            assertThatThrownBy(() -> twoFactor.verify("000000")).isInstanceOf(SecondFactorRefused.class);
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.isLocked("counsellor3")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.isLocked("counsellor3")).isFalse();
        assertThatThrownBy(() -> twoFactor.verify("000000"))
                .isInstanceOf(SecondFactorRefused.class)
                .hasMessage(TwoFactorService.LOCKED);
        assertThat(throttle.isLocked("counsellor3")).isTrue();
    }

    @Test
    @WithUserDetails("counsellor3")
    void anAdministratorsUnlockEndsALockFromCodesAndClearsTheirCount() {
        for (int i = 0; i < SignInThrottle.LOCK_AFTER_CODES; i++) {
            assertThatThrownBy(() -> twoFactor.verify("000000")).isInstanceOf(SecondFactorRefused.class);
        }
        var id = jdbc.queryForObject("select id from staff_account where username = 'counsellor3'", Long.class);
        runAs.as("admin", () -> accountService.unlock(id));
        assertThat(throttle.isLocked("counsellor3")).isFalse();
        assertThat(failedCodes("counsellor3")).isZero();
        twoFactor.verify(code());
    }

    @Test
    @WithUserDetails("counsellor3")
    void theReAuthenticationDialogCountsWrongCodesAsSignInDoes() {
        var locksBefore = locks("counsellor3");
        for (int i = 0; i < SignInThrottle.LOCK_AFTER_CODES; i++) {
            assertThatThrownBy(() -> reAuthentication.confirm(DemoAccounts.DEMO_PASSWORD, "000000"))
                    .isInstanceOf(SecondFactorRefused.class);
        }
        assertThat(throttle.isLocked("counsellor3")).isTrue();
        assertThat(locks("counsellor3")).isEqualTo(locksBefore + 1);
        assertThatThrownBy(() -> reAuthentication.confirm(DemoAccounts.DEMO_PASSWORD, code()))
                .isInstanceOf(SecondFactorRefused.class)
                .hasMessage(TwoFactorService.LOCKED);
        assertThatThrownBy(() -> twoFactor.verify(code()))
                .isInstanceOf(SecondFactorRefused.class)
                .hasMessage(TwoFactorService.LOCKED);
    }

    @Test
    @WithUserDetails("counsellor3")
    void wrongCodesAtSignInAndInTheDialogAddUpAndAConfirmationStartsTheCountAgain() {
        assertThatThrownBy(() -> twoFactor.verify("000000")).isInstanceOf(SecondFactorRefused.class);
        assertThatThrownBy(() -> reAuthentication.confirm(DemoAccounts.DEMO_PASSWORD, "000000"))
                .isInstanceOf(SecondFactorRefused.class)
                .hasMessage(ReAuthentication.REFUSED);
        assertThat(failedCodes("counsellor3")).isEqualTo(2);
        reAuthentication.confirm(DemoAccounts.DEMO_PASSWORD, code());
        assertThat(failedCodes("counsellor3")).isZero();
    }
}
