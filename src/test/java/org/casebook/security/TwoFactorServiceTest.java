package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.casebook.MutableClock;
import org.casebook.encryption.EncryptedColumn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class TwoFactorServiceTest {

    private static final byte[] DEMO_SECRET = Base32.decode(DemoAccounts.DEMO_TOTP_SECRET);

    @Autowired
    TwoFactorService twoFactor;

    @Autowired
    ReAuthentication reAuthentication;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void freshStepAndNoFailures() {
        // Each test starts in a time step nobody has used yet.
        clock.advance(Duration.ofMinutes(5));
        jdbc.update("update staff_account set failed_attempts = 0, failed_codes = 0, locked_until = null");
    }

    private String code(int stepsFromNow) {
        return Totp.code(DEMO_SECRET, Totp.stepAt(clock.instant()) + stepsFromNow);
    }

    private int failedAttempts(String username) {
        return jdbc.queryForObject(
                "select failed_attempts from staff_account where username = ?", Integer.class, username);
    }

    private int failedCodes(String username) {
        return jdbc.queryForObject(
                "select failed_codes from staff_account where username = ?", Integer.class, username);
    }

    private long audited(String action, String username) {
        return jdbc.queryForObject(
                "select count(*) from audit_entry where action = ? and actor_username = ?",
                Long.class,
                action,
                username);
    }

    @Test
    @WithUserDetails("counsellor1")
    void theDemoAccountsAreEnrolledWithThePublishedSecretAndItsCurrentCodeIsAccepted() {
        assertThat(twoFactor.enrolled()).isTrue();
        var before = audited("SECOND_FACTOR_SUCCESS", "counsellor1");
        twoFactor.verify(code(0));
        assertThat(audited("SECOND_FACTOR_SUCCESS", "counsellor1")).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aCodeWorksOnlyOnce() {
        var code = code(0);
        twoFactor.verify(code);
        assertThatThrownBy(() -> twoFactor.verify(code)).isInstanceOf(SecondFactorRefused.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void afterACodeIsUsedAnEarlierStepsCodeIsRefusedToo() {
        twoFactor.verify(code(0));
        assertThatThrownBy(() -> twoFactor.verify(code(-1))).isInstanceOf(SecondFactorRefused.class);
        twoFactor.verify(code(1));
    }

    @Test
    @WithUserDetails("counsellor1")
    void theStepBeforeIsAcceptedButNotTwoStepsAway() {
        assertThatThrownBy(() -> twoFactor.verify(code(-2))).isInstanceOf(SecondFactorRefused.class);
        assertThatThrownBy(() -> twoFactor.verify(code(2))).isInstanceOf(SecondFactorRefused.class);
        twoFactor.verify(code(-1));
    }

    @Test
    @WithUserDetails("counsellor1")
    void aWrongCodeCountsTowardTheLockOutAndIsAudited() {
        var before = audited("SECOND_FACTOR_FAILURE", "counsellor1");
        assertThatThrownBy(() -> twoFactor.verify("000000"))
                .isInstanceOf(SecondFactorRefused.class)
                .hasMessage(TwoFactorService.WRONG_CODE);
        assertThat(failedCodes("counsellor1")).isEqualTo(1);
        assertThat(audited("SECOND_FACTOR_FAILURE", "counsellor1")).isEqualTo(before + 1);
        twoFactor.verify(code(0));
        assertThat(failedCodes("counsellor1")).isZero();
    }

    @Test
    @WithUserDetails("counsellor1")
    void fiveWrongCodesLockTheAccountAndThenEvenTheRightCodeIsRefused() {
        for (int i = 0; i < SignInThrottle.LOCK_AFTER_CODES; i++) {
            assertThatThrownBy(() -> twoFactor.verify("000000")).isInstanceOf(SecondFactorRefused.class);
        }
        assertThatThrownBy(() -> twoFactor.verify(code(0)))
                .isInstanceOf(SecondFactorRefused.class)
                .hasMessage(TwoFactorService.LOCKED);
    }

    @Test
    @WithUserDetails("counsellor2")
    void enrolmentStoresTheSecretSealedAndGivesTenRecoveryCodesEachUsableOnce() {
        var original = jdbc.queryForObject(
                "select totp_secret from staff_account where username = 'counsellor2'", byte[].class);
        jdbc.update(
                "update staff_account set totp_secret = null, totp_last_step = null where username = 'counsellor2'");
        try {
            assertThat(twoFactor.enrolled()).isFalse();
            var enrolment = twoFactor.newEnrolment();
            assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/Casebook%3Acounsellor2?secret=");
            var secret = Base32.decode(enrolment.secret());
            assertThatThrownBy(() -> twoFactor.confirmEnrolment(enrolment, "000000"))
                    .isInstanceOf(SecondFactorRefused.class);
            assertThat(twoFactor.enrolled()).isFalse();

            var enrolled = audited("TWO_FACTOR_ENROLLED", "counsellor2");
            var recoveryCodes = twoFactor.confirmEnrolment(enrolment, Totp.code(secret, Totp.stepAt(clock.instant())));
            assertThat(twoFactor.enrolled()).isTrue();
            assertThat(audited("TWO_FACTOR_ENROLLED", "counsellor2")).isEqualTo(enrolled + 1);
            assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
            var stored = jdbc.queryForObject(
                    "select totp_secret from staff_account where username = 'counsellor2'", byte[].class);
            assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(enrolment.secret());
            assertThat(jdbc.queryForList("select code_hash from staff_recovery_code", String.class))
                    .doesNotContainAnyElementsOf(recoveryCodes);

            var before = audited("SECOND_FACTOR_SUCCESS", "counsellor2");
            twoFactor.verify(recoveryCodes.get(3).toUpperCase());
            assertThat(audited("SECOND_FACTOR_SUCCESS", "counsellor2")).isEqualTo(before + 1);
            assertThatThrownBy(() -> twoFactor.verify(recoveryCodes.get(3))).isInstanceOf(SecondFactorRefused.class);
            twoFactor.verify(recoveryCodes.get(4).replace("-", ""));
        } finally {
            jdbc.update("delete from staff_recovery_code");
            jdbc.update(
                    "update staff_account set totp_secret = ?, totp_last_step = null where username = 'counsellor2'",
                    (Object) original);
        }
    }

    @Test
    void theSecretColumnIsDeclaredSoReEncryptionCoversIt() {
        assertThat(context.getBeansOfType(EncryptedColumn.class).values()).contains(TwoFactorService.TOTP_SECRET);
    }

    @Test
    void nobodySignedInCannotVerify() {
        assertThatThrownBy(() -> twoFactor.verify("123456"))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void reAuthenticationAcceptsThePasswordWithAFreshCodeAndIsAudited() {
        var before = audited("REAUTHENTICATION_SUCCESS", "supervisor");
        reAuthentication.confirm(DemoAccounts.DEMO_PASSWORD, code(0));
        assertThat(audited("REAUTHENTICATION_SUCCESS", "supervisor")).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails("supervisor")
    void reAuthenticationRefusesAWrongPasswordOrCodeCountsAndAuditsIt() {
        var before = audited("REAUTHENTICATION_FAILURE", "supervisor");
        assertThatThrownBy(() -> reAuthentication.confirm("not-the-password", code(0)))
                .isInstanceOf(SecondFactorRefused.class)
                .hasMessage(ReAuthentication.REFUSED);
        assertThatThrownBy(() -> reAuthentication.confirm(DemoAccounts.DEMO_PASSWORD, "000000"))
                .isInstanceOf(SecondFactorRefused.class)
                .hasMessage(ReAuthentication.REFUSED);
        assertThat(failedAttempts("supervisor")).as("the wrong password").isEqualTo(1);
        assertThat(failedCodes("supervisor")).as("the wrong code").isEqualTo(1);
        assertThat(audited("REAUTHENTICATION_FAILURE", "supervisor")).isEqualTo(before + 2);
        var code = code(0);
        reAuthentication.confirm(DemoAccounts.DEMO_PASSWORD, code);
        assertThatThrownBy(() -> reAuthentication.confirm(DemoAccounts.DEMO_PASSWORD, code))
                .isInstanceOf(SecondFactorRefused.class);
    }
}
