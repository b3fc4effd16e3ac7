package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import org.casebook.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class SignInThrottlingTest {

    private static final String WRONG = "not-the-password";

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    AccountService accountService;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebApplicationContext web;

    @BeforeEach
    void everyAccountStartsUnlocked() {
        jdbc.update("update staff_account set failed_attempts = 0, failed_codes = 0, locked_until = null");
    }

    private Throwable signIn(String username, String password) throws Exception {
        AuthenticationManager manager = authenticationConfiguration.getAuthenticationManager();
        return catchThrowable(
                () -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)));
    }

    private void fail(String username, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            signIn(username, WRONG);
        }
    }

    @Test
    void fourFailuresCostNoDelayAndTheFifthSlowsTheNextAttempts() throws Exception {
        fail("counsellor2", 4);
        assertThat(throttle.delayFor("counsellor2")).isZero();
        fail("counsellor2", 1);
        assertThat(throttle.delayFor("counsellor2")).isEqualTo(Duration.ofMillis(5));
        fail("counsellor2", 1);
        assertThat(throttle.delayFor("counsellor2")).isEqualTo(Duration.ofMillis(10));
        fail("counsellor2", 2);
        assertThat(throttle.delayFor("counsellor2")).as("capped").isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void theDelayIsAppliedWhetherOrNotThePasswordIsRight() throws Exception {
        fail("counsellor2", 8);
        long start = System.nanoTime();
        assertThat(signIn("counsellor2", DemoAccounts.DEMO_PASSWORD)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void tenFailuresLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() throws Exception {
        fail("counsellor2", 9);
        assertThat(throttle.isLocked("counsellor2")).isFalse();
        assertThat(signIn("counsellor2", WRONG)).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(throttle.isLocked("counsellor2")).isTrue();

        assertThat(signIn("counsellor2", DemoAccounts.DEMO_PASSWORD)).isExactlyInstanceOf(LockedException.class);
        assertThat(signIn("counsellor2", WRONG)).isExactlyInstanceOf(LockedException.class);

        clock.advance(Duration.ofMinutes(14));
        assertThat(signIn("counsellor2", DemoAccounts.DEMO_PASSWORD)).isExactlyInstanceOf(LockedException.class);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(signIn("counsellor2", DemoAccounts.DEMO_PASSWORD)).isNull();
        assertThat(accounts.failedAttempts("counsellor2")).contains(0);
    }

    @Test
    void afterALockEndsOneMoreFailureLocksTheAccountAgain() throws Exception {
        fail("counsellor2", 10);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.isLocked("counsellor2")).isFalse();
        assertThat(signIn("counsellor2", WRONG)).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(throttle.isLocked("counsellor2")).isTrue();
    }

    @Test
    void aLockedAccountGetsTheSameSignInPageAnswerAsAWrongPassword() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
        mvc.perform(post("/login").with(csrf()).param("username", "supervisor").param("password", WRONG))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(accounts.failedAttempts("supervisor")).as("counted once").contains(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where seq > ?", Integer.class, before))
                .as("audited once")
                .isOne();
        fail("supervisor", 9);
        assertThat(throttle.isLocked("supervisor")).isTrue();
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "supervisor")
                        .param("password", DemoAccounts.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", "nobody-at-all")
                        .param("password", WRONG))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() throws Exception {
        fail("counsellor2", 7);
        assertThat(signIn("counsellor2", DemoAccounts.DEMO_PASSWORD)).isNull();
        assertThat(throttle.delayFor("counsellor2")).isZero();
        fail("counsellor2", 9);
        assertThat(throttle.isLocked("counsellor2"))
                .as("nine fresh failures do not lock")
                .isFalse();
    }

    @Test
    void anUnknownUsernameIsSlowedDownAndRefusedLikeAnAccount() throws Exception {
        fail("no-such-person", 4);
        assertThat(throttle.delayFor("no-such-person")).isZero();
        fail("no-such-person", 1);
        assertThat(throttle.delayFor("no-such-person")).isEqualTo(throttle.delayAfter(5));
        var unknown = signIn("no-such-person", WRONG);
        fail("counsellor2", 6);
        var known = signIn("counsellor2", WRONG);
        assertThat(unknown).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(unknown.getMessage()).isEqualTo(known.getMessage());
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorCanUnlockAnAccount() throws Exception {
        fail("counsellor2", 10);
        assertThat(throttle.isLocked("counsellor2")).isTrue();
        accountService.unlock(
                accounts.findByUsername("counsellor2").orElseThrow().id());
        assertThat(throttle.isLocked("counsellor2")).isFalse();
        assertThat(throttle.delayFor("counsellor2")).isZero();
        assertThat(signIn("counsellor2", DemoAccounts.DEMO_PASSWORD)).isNull();
    }

    @Test
    @WithUserDetails("supervisor")
    void onlyAnAdministratorMayUnlockAnAccount() throws Exception {
        fail("counsellor2", 10);
        var id = accounts.findByUsername("counsellor2").orElseThrow().id();
        assertThatThrownBy(() -> accountService.unlock(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(throttle.isLocked("counsellor2")).isTrue();
    }

    @Test
    void lockingRefusingAndUnlockingAreAudited() throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
        fail("counsellor2", 10);
        signIn("counsellor2", DemoAccounts.DEMO_PASSWORD);
        var id = String.valueOf(
                accounts.findByUsername("counsellor2").orElseThrow().id());
        assertThat(jdbc.queryForList(
                        "select reason from audit_entry where seq > ? and action = 'ACCOUNT_LOCKED'"
                                + " and record_id = ?",
                        String.class,
                        before,
                        id))
                .containsExactly("too many failed sign-ins");
        assertThat(jdbc.queryForList(
                        "select reason from audit_entry where seq > ? and action = 'SIGN_IN_FAILURE'"
                                + " and record_id = ? order by seq",
                        String.class,
                        before,
                        id))
                .hasSize(11)
                .endsWith("account locked")
                .contains("wrong password");
    }

    @Test
    @WithUserDetails("admin")
    void anUnlockIsAuditedAsTheAdministrator() throws Exception {
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
        var id = accounts.findByUsername("counsellor2").orElseThrow().id();
        accountService.unlock(id);
        assertThat(jdbc.queryForList(
                        "select actor_username from audit_entry where seq > ? and action = "
                                + "'ACCOUNT_UNLOCKED' and record_id = ?",
                        String.class,
                        before,
                        String.valueOf(id)))
                .containsExactly("admin");
    }
}
