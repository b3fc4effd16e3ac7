package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class StaffServiceTest {

    @Autowired
    StaffService staff;

    @Test
    @WithUserDetails("supervisor")
    void supervisorSeesTheCounsellorsTheyLead() {
        assertThat(staff.myTeam())
                .extracting(StaffMember::displayName)
                .containsExactly("Casey Counsellor (demo)", "Robin Counsellor (demo)");
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorCannotListATeam() {
        assertThatThrownBy(() -> staff.myTeam()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorSeesAccountCounts() {
        assertThat(staff.accountOverview()).isEqualTo(new AccountOverview(6, 3, 2, 1));
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorCannotReadTheAccountOverview() {
        assertThatThrownBy(() -> staff.accountOverview()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void nobodySignedInIsDeniedEverything() {
        assertThatThrownBy(() -> staff.myTeam()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> staff.accountOverview())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
