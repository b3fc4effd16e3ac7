package org.casebook.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.casebook.MutableClock;
import org.casebook.security.ReAuthentication;
import org.casebook.security.TestCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class ClientServiceTest {

    @Autowired
    ClientService clients;

    @Autowired
    CaseAccessPolicy policy;

    @Autowired
    TestClients testClients;

    @Autowired
    ReAuthentication reAuthentication;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void clearSignInState() {
        clock.advance(Duration.ofMinutes(1));
        jdbc.update(
                "update staff_account set totp_last_step = null, failed_attempts = 0, failed_codes = 0, locked_until = null");
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorOpensTheirOwnClientAndTheViewIsAudited() {
        var mine = testClients.assignedTo("counsellor1");
        var details = clients.open(mine.code());
        assertThat(details.preferredName()).isEqualTo("Test Person (fictional)");
        assertThat(details.contact().voicemailOk()).isTrue();
        assertThat(details.access().basis()).isEqualTo(AccessBasis.ASSIGNED);
        assertThat(lastEntryFor(mine.code())).isEqualTo("VIEW SUCCESS");
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorCannotOpenAnotherCounsellorsClientByCodeOrById() {
        var theirs = testClients.assignedTo("counsellor2");
        assertThatThrownBy(() -> clients.open(theirs.code()))
                .isInstanceOf(ClientAccessDenied.class)
                .hasMessage(ClientAccessDenied.MESSAGE);
        assertThat(lastEntryFor(theirs.code())).isEqualTo("VIEW DENIED");
        assertThatThrownBy(() -> policy.require(theirs.id())).isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void anUnknownCodeIsRefusedLikeAForbiddenOne() {
        assertThatThrownBy(() -> clients.open("ZZZ-ZZZ"))
                .isInstanceOf(ClientAccessDenied.class)
                .hasMessage(ClientAccessDenied.MESSAGE);
        assertThatThrownBy(() -> clients.open("'; drop table client; --")).isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorOpensTheirTeamsClientsButNotAnotherTeams() {
        var team = testClients.assignedTo("counsellor2");
        var waiting = testClients.waiting("counsellor1");
        var otherTeam = testClients.assignedTo("counsellor3");
        assertThat(clients.open(team.code()).access().basis()).isEqualTo(AccessBasis.TEAM);
        assertThat(clients.open(waiting.code()).status()).isEqualTo(CaseStatus.WAITING);
        assertThatThrownBy(() -> clients.open(otherTeam.code())).isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("supervisor2")
    void anotherTeamsSupervisorSeesNothingOfThisTeam() {
        var north = testClients.assignedTo("counsellor1");
        assertThatThrownBy(() -> clients.open(north.code())).isInstanceOf(ClientAccessDenied.class);
        assertThat(clients.caseload(null, true, Pageable.ofSize(500)).getContent())
                .extracting(CaseloadRow::code)
                .doesNotContain(north.code());
    }

    @Test
    @WithUserDetails("counsellor1")
    void caseloadListsOnlyTheCounsellorsOwnClients() {
        var mine = testClients.activeWith("counsellor1");
        var theirs = testClients.activeWith("counsellor2");
        var rows = clients.caseload(null, false, Pageable.ofSize(500)).getContent();
        assertThat(rows).extracting(CaseloadRow::code).contains(mine.code()).doesNotContain(theirs.code());
        assertThat(rows).extracting(CaseloadRow::counsellor).containsOnly("Casey Counsellor (demo)");
        assertThat(clients.caseload(mine.code().substring(0, 3).toLowerCase(), false, Pageable.ofSize(500))
                        .getContent())
                .extracting(CaseloadRow::code)
                .contains(mine.code());
    }

    @Test
    @WithUserDetails("admin")
    void administratorCanReadNoClient() {
        assertThatThrownBy(() -> clients.caseload(null, false, Pageable.ofSize(10)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> clients.open("ABC-DEF")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> clients.breakGlass("ABC-DEF", "an emergency reason"))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void anExcludedSupervisorCannotOpenTheClientEvenByBreakGlass() {
        var client = testClients.assignedTo("counsellor1");
        testClients.exclude(client.id(), "supervisor");
        assertThatThrownBy(() -> clients.open(client.code())).isInstanceOf(ClientAccessDenied.class);
        reAuthentication.confirm("casebook-demo-2026", code());
        assertThatThrownBy(() -> clients.breakGlass(client.code(), "Client in crisis, counsellor away"))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void breakGlassNeedsAReason() {
        var theirs = testClients.assignedTo("counsellor2");
        assertThatThrownBy(() -> clients.breakGlass(theirs.code(), "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ClientService.REASON_NEEDED);
        assertThatThrownBy(() -> clients.breakGlass(theirs.code(), "urgent"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void breakGlassNeedsAFreshConfirmationOfIdentity() {
        var theirs = testClients.assignedTo("counsellor2");
        assertThatThrownBy(() -> clients.breakGlass(theirs.code(), "Client rang in crisis, Robin is away"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage(ReAuthentication.CONFIRM_FIRST);
    }

    @Test
    @WithUserDetails("counsellor1")
    void breakGlassOpensTheClientForAnHourAndIsAudited() {
        var theirs = testClients.assignedTo("counsellor2");
        reAuthentication.confirm("casebook-demo-2026", code());
        var access = clients.breakGlass(theirs.code(), "Client rang in crisis, Robin is away");
        assertThat(access.basis()).isEqualTo(AccessBasis.BREAK_GLASS);
        // The entry names the grant, which keeps the reason; the reason itself stays out of the audit log.
        assertThat(jdbc.queryForObject(
                        "select record_type || ' ' || coalesce(reason, '-') from audit_entry "
                                + "where client_ref = ? and action = 'BREAK_GLASS'",
                        String.class,
                        theirs.code()))
                .isEqualTo("break-glass -");
        assertThat(clients.open(theirs.code()).access().isBreakGlass()).isTrue();

        clock.advance(ClientService.BREAK_GLASS_FOR.plusSeconds(1));
        assertThatThrownBy(() -> clients.open(theirs.code())).isInstanceOf(ClientAccessDenied.class);
        // One confirmation, one break-glass.
        assertThatThrownBy(() -> clients.breakGlass(theirs.code(), "Client rang in crisis again"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage(ReAuthentication.CONFIRM_FIRST);
    }

    @Test
    @WithUserDetails("counsellor1")
    void listsAreFilteredByTheSameRuleAsOpeningOneClient() {
        var mine = testClients.assignedTo("counsellor1");
        var theirs = testClients.assignedTo("counsellor2");
        var openedInAnEmergency = testClients.assignedTo("counsellor2");
        var excluded = testClients.assignedTo("counsellor2");
        testClients.exclude(excluded.id(), "counsellor1");
        reAuthentication.confirm("casebook-demo-2026", code());
        clients.breakGlass(openedInAnEmergency.code(), "Client rang in crisis, Robin is away");

        assertThat(policy.allowedAmong(
                        java.util.List.of(mine.id(), theirs.id(), openedInAnEmergency.id(), excluded.id())))
                .containsExactlyInAnyOrder(mine.id(), openedInAnEmergency.id());
        assertThat(policy.allowedAmong(java.util.List.of())).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsAllowedNoClientInAList() {
        var client = testClients.assignedTo("counsellor1");
        assertThat(policy.allowedAmong(java.util.List.of(client.id()))).isEmpty();
    }

    private String code() {
        return TestCodes.code(TestCodes.DEMO_SECRET, clock.instant());
    }

    private String lastEntryFor(String code) {
        return jdbc.queryForObject(
                "select action || ' ' || outcome from audit_entry where client_ref = ? " + "order by seq desc limit 1",
                String.class,
                code);
    }
}
