package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.casebook.client.ClientService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * The services themselves refuse a session that has passed the password but not yet the code, so the
 * view gate is not the only thing between a stolen password and the records.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class SecondFactorMethodSecurityTest {

    @Autowired
    ClientService clients;

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffService staff;

    @Autowired
    AccountService accountService;

    @Autowired
    TwoFactorService twoFactor;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    SecurityContextHolderStrategy securityContext;

    @Autowired
    JdbcTemplate jdbc;

    private void passwordOnly() {
        SecondFactorTestExecutionListener.passwordOnly(securityContext);
        assertThat(SecondFactor.isPending(securityContext.getContext().getAuthentication()))
                .isTrue();
    }

    private String lastAudit() {
        return jdbc.queryForObject(
                "select action || ' ' || outcome || ' ' || coalesce(record_id, '') "
                        + "from audit_entry order by seq desc limit 1",
                String.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void withBothFactorsACounsellorReadsTheirCaseload() {
        assertThat(SecondFactor.isComplete(securityContext.getContext().getAuthentication()))
                .isTrue();
        assertThatCode(() -> clients.caseload(null, false, PageRequest.of(0, 10)))
                .doesNotThrowAnyException();
    }

    @Test
    @WithUserDetails("counsellor1")
    void withThePasswordOnlyTheCaseloadIsRefusedAndTheRefusalAudited() {
        passwordOnly();
        assertThatThrownBy(() -> clients.caseload(null, false, PageRequest.of(0, 10)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(lastAudit()).isEqualTo("ACCESS_DENIED DENIED ClientService.caseload");
        assertThatThrownBy(() -> clients.open("ZZZ-ZZZ")).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void withThePasswordOnlyASupervisorCannotReadTheirTeam() {
        assertThatCode(() -> staff.myTeam()).doesNotThrowAnyException();
        passwordOnly();
        assertThatThrownBy(() -> staff.myTeam()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void withBothFactorsAnAdministratorUsesTheAdministration() {
        assertThat(administration.accounts("", PageRequest.of(0, 10)).getContent())
                .isNotEmpty();
        assertThat(administration.teams()).isNotEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void withThePasswordOnlyEveryAdministrationMethodIsRefused() {
        var id = accounts.findByUsername("counsellor2").orElseThrow().id();
        var version = accounts.findById(id).orElseThrow().version();
        passwordOnly();
        assertThatThrownBy(() -> administration.accounts("", PageRequest.of(0, 10)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(lastAudit()).isEqualTo("ACCESS_DENIED DENIED StaffAdministration.accounts");
        assertThatThrownBy(() -> administration.account(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.teams()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.activeWithRole(Role.SUPERVISOR))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.create(new NewStaffAccount(
                        "Jo Newcomer", "jo.password.only", "jo@example.org", Set.of(Role.COUNSELLOR), null)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.update(id, version, Set.of(Role.ADMIN), null))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.deactivate(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.reactivate(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.resetPassword(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.resetTwoFactor(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.createTeam("Password-only team"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.renameTeam(1, 0, "Renamed"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.setSupervisor(1, id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> accountService.unlock(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(accounts.findById(id).orElseThrow().enabled()).isTrue();
        assertThat(accounts.findByUsername("jo.password.only")).isEmpty();
    }

    @Test
    @WithUserDetails("counsellor1")
    void theStepsBetweenPasswordAndCodeStayOpenWithThePasswordOnly() {
        passwordOnly();
        assertThat(twoFactor.enrolled()).isTrue();
        assertThat(accountService.mustChangePassword()).isFalse();
        assertThatThrownBy(() -> twoFactor.verify("000000x")).isInstanceOf(SecondFactorRefused.class);
        jdbc.update(
                "update staff_account set failed_attempts = 0, failed_codes = 0, locked_until = null where username = 'counsellor1'");
    }
}
