package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class SignInTest {

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;

    @Autowired
    StaffAccountRepository accounts;

    private AuthenticationManager manager() throws Exception {
        return authenticationConfiguration.getAuthenticationManager();
    }

    @Test
    void rightPasswordSignsInAsTheStaffMemberWithTheirRoles() throws Exception {
        var result = manager()
                .authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("supervisor", DemoAccounts.DEMO_PASSWORD));
        var user = (StaffUser) result.getPrincipal();
        assertThat(user.displayName()).isEqualTo("Sam Supervisor (demo)");
        assertThat(user.roles()).containsExactly(Role.SUPERVISOR);
        assertThat(result.getAuthorities())
                .extracting(a -> a.getAuthority())
                .contains("ROLE_SUPERVISOR")
                .noneMatch(a -> a.equals("ROLE_COUNSELLOR") || a.equals("ROLE_ADMIN"));
    }

    @Test
    void unknownUsernameAndWrongPasswordFailAlike() throws Exception {
        var unknown = catchThrowable(() -> manager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                        "nobody-here", DemoAccounts.DEMO_PASSWORD)));
        var wrong = catchThrowable(() -> manager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("counsellor1", "not-the-password")));
        assertThat(unknown).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(wrong).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        var account = accounts.findByUsername("counsellor1").orElseThrow();
        assertThat(account.passwordHash()).startsWith("{argon2}$argon2id$").doesNotContain(DemoAccounts.DEMO_PASSWORD);
    }
}
