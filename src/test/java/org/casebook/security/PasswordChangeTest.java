package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class PasswordChangeTest {

    private static final String NEW_PASSWORD = "violet harbour lantern";

    @Autowired
    AccountService accountService;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void restoreTheDemoPassword() {
        jdbc.update(
                "update staff_account set password_hash = ?, failed_attempts = 0, failed_codes = 0, locked_until = null "
                        + "where username = 'counsellor2'",
                passwordEncoder.encode(DemoAccounts.DEMO_PASSWORD));
    }

    private String hash() {
        return accounts.findByUsername("counsellor2").orElseThrow().passwordHash();
    }

    private long lastSeq() {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
    }

    @Test
    @WithUserDetails("counsellor2")
    void aPersonChangesTheirPasswordAndTheChangeIsAuditedWithoutThePassword() {
        long before = lastSeq();
        accountService.changePassword(DemoAccounts.DEMO_PASSWORD, NEW_PASSWORD);
        assertThat(passwordEncoder.matches(NEW_PASSWORD, hash())).isTrue();
        assertThat(hash()).startsWith("{argon2}");
        var entries = jdbc.queryForList("select * from audit_entry where seq > ?", before);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.get("ACTION")).isEqualTo("UPDATE");
            assertThat(entry.get("RECORD_TYPE")).isEqualTo("staff-account");
            assertThat(entry.get("ACTOR_USERNAME")).isEqualTo("counsellor2");
            assertThat(entry.get("REASON")).isEqualTo("password changed");
            assertThat(entry.values())
                    .noneMatch(v -> v != null && String.valueOf(v).contains("harbour"));
        });
    }

    @Test
    @WithUserDetails("counsellor2")
    void aWrongCurrentPasswordChangesNothing() {
        var before = hash();
        assertThatThrownBy(() -> accountService.changePassword("not-my-password", NEW_PASSWORD))
                .isInstanceOfSatisfying(PasswordChangeRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo(PasswordChangeRefused.Field.CURRENT_PASSWORD);
                    assertThat(refused.getMessage()).isEqualTo(AccountService.WRONG_CURRENT_PASSWORD);
                });
        assertThat(hash()).isEqualTo(before);
        assertThat(accounts.failedAttempts("counsellor2"))
                .as("counted like a failed sign-in")
                .contains(1);
    }

    @Test
    @WithUserDetails("counsellor2")
    void theNewPasswordMustMeetThePolicy() {
        var before = hash();
        assertThatThrownBy(() -> accountService.changePassword(DemoAccounts.DEMO_PASSWORD, "short"))
                .isInstanceOfSatisfying(PasswordChangeRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo(PasswordChangeRefused.Field.NEW_PASSWORD);
                    assertThat(refused.getMessage()).isEqualTo(PasswordPolicy.TOO_SHORT);
                });
        assertThatThrownBy(() -> accountService.changePassword(DemoAccounts.DEMO_PASSWORD, "Robin's secret garden"))
                .hasMessage(PasswordPolicy.HAS_NAME);
        assertThatThrownBy(() -> accountService.changePassword(DemoAccounts.DEMO_PASSWORD, DemoAccounts.DEMO_PASSWORD))
                .hasMessage(AccountService.SAME_AS_CURRENT);
        assertThat(hash()).isEqualTo(before);
    }

    @Test
    void nobodySignedInCannotChangeAPassword() {
        assertThatThrownBy(() -> accountService.changePassword(DemoAccounts.DEMO_PASSWORD, NEW_PASSWORD))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
