package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/** Each test rolls back, so the demo accounts other tests count stay as they were. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Transactional
class StaffAdministrationTest {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    TeamRepository teams;

    @Autowired
    StaffUserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SessionRegistry sessionRegistry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TwoFactorService twoFactor;

    @Autowired
    SecurityContextHolderStrategy securityContext;

    private long idOf(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    private long northTeam() {
        return teams.findByName("North team (demo)").orElseThrow().id();
    }

    private String lastAudit(String column) {
        return jdbc.queryForObject("select " + column + " from audit_entry order by seq desc limit 1", String.class);
    }

    private NewStaffAccount newCounsellor(String username) {
        return new NewStaffAccount("Jo Newcomer", username, "jo@example.org", Set.of(Role.COUNSELLOR), northTeam());
    }

    @Test
    @WithUserDetails("admin")
    void administratorListsAccountsPageByPageAndSearchesByNameOrUsername() {
        var first = administration.accounts("", PageRequest.of(0, 2));
        assertThat(first.getContent())
                .extracting(StaffAccountSummary::displayName)
                .containsExactly("Alex Counsellor (demo)", "Ari Administrator (demo)");
        assertThat(first.hasNext()).isTrue();
        assertThat(administration.accounts("ROBIN", PageRequest.of(0, 10)).getContent())
                .extracting(StaffAccountSummary::username)
                .containsExactly("counsellor2");
        assertThat(administration.accounts("supervisor", PageRequest.of(0, 10)).getContent())
                .extracting(StaffAccountSummary::username)
                .containsExactly("supervisor2", "supervisor");
        assertThat(administration.accounts("sam super", PageRequest.of(0, 10)).getContent())
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.roleLabels()).isEqualTo("Supervisor");
                    assertThat(s.teamName()).isEqualTo("North team (demo)");
                    assertThat(s.active()).isTrue();
                    assertThat(s.locked()).isFalse();
                });
    }

    @Test
    @WithUserDetails("admin")
    void createdAccountHasAStrongOneTimePasswordThatMustBeChangedAndIsAudited() {
        var created = administration.create(newCounsellor("jo.newcomer"));

        assertThat(created.temporaryPassword()).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
        assertThat(created.toString()).doesNotContain(created.temporaryPassword());
        var account = accounts.findById(created.accountId()).orElseThrow();
        assertThat(passwordEncoder.matches(created.temporaryPassword(), account.passwordHash()))
                .isTrue();
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(account.roles()).containsExactly(Role.COUNSELLOR);
        assertThat(lastAudit("action")).isEqualTo("ACCOUNT_CREATED");
        assertThat(lastAudit("actor_username")).isEqualTo("admin");
        assertThat(lastAudit("record_id")).isEqualTo(String.valueOf(created.accountId()));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where reason like ?",
                        Integer.class,
                        "%" + created.temporaryPassword() + "%"))
                .isZero();
    }

    @Test
    @WithUserDetails("admin")
    void creationIsRefusedWithoutARoleOrWithATakenUsername() {
        assertThatThrownBy(() -> administration.create(
                        new NewStaffAccount("Jo", "jo.newcomer", "jo@example.org", Set.of(), null)))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NO_ROLE);
        assertThatThrownBy(() -> administration.create(newCounsellor("Counsellor1")))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.USERNAME_TAKEN);
    }

    @Test
    @WithUserDetails("admin")
    void administratorChangesRolesAndTeamAndEachChangeIsAudited() {
        var id = idOf("counsellor2");
        var before = administration.account(id);
        var after = administration.update(id, before.version(), Set.of(Role.COUNSELLOR, Role.SUPERVISOR), null);

        assertThat(after.roles()).containsExactlyInAnyOrder(Role.COUNSELLOR, Role.SUPERVISOR);
        assertThat(after.teamId()).isNull();
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where record_id = ? and actor_username = 'admin'",
                        String.class,
                        String.valueOf(id)))
                .contains("ROLES_CHANGED", "TEAM_CHANGED");
    }

    @Test
    @WithUserDetails("admin")
    void anEditBasedOnAnOutdatedVersionIsRefused() {
        var id = idOf("counsellor2");
        var read = administration.account(id);
        administration.update(id, read.version(), Set.of(Role.COUNSELLOR), null);

        assertThatThrownBy(() -> administration.update(id, read.version(), Set.of(Role.SUPERVISOR), northTeam()))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.CONCURRENT_EDIT);
        assertThat(administration.account(id).roles()).containsExactly(Role.COUNSELLOR);
    }

    @Test
    @WithUserDetails("admin")
    void administratorCannotRemoveTheirOwnAdminRoleNorDeactivateThemselves() {
        var self = administration.account(idOf("admin"));
        assertThatThrownBy(() -> administration.update(self.id(), self.version(), Set.of(Role.SUPERVISOR), null))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_OWN_ROLES);
        assertThatThrownBy(() -> administration.deactivate(self.id()))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_SELF);
        assertThat(accounts.findByUsername("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void deactivationEndsTheLiveSessionAndTheAccountCannotSignIn() {
        var user = userDetails.loadUserByUsername("counsellor1");
        sessionRegistry.registerNewSession("session-of-counsellor1", user);

        administration.deactivate(idOf("counsellor1"));

        assertThat(sessionRegistry
                        .getSessionInformation("session-of-counsellor1")
                        .isExpired())
                .isTrue();
        assertThat(lastAudit("action")).isEqualTo("ACCOUNT_DEACTIVATED");
        var provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(passwordEncoder);
        assertThatThrownBy(() -> provider.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("counsellor1", DemoAccounts.DEMO_PASSWORD)))
                .isInstanceOf(DisabledException.class);
        sessionRegistry.removeSessionInformation("session-of-counsellor1");

        administration.reactivate(idOf("counsellor1"));
        assertThat(userDetails.loadUserByUsername("counsellor1").isEnabled()).isTrue();
        assertThat(lastAudit("action")).isEqualTo("ACCOUNT_REACTIVATED");
    }

    private String liveSessionOf(String username) {
        var id = "live-session-of-" + username;
        sessionRegistry.registerNewSession(id, userDetails.loadUserByUsername(username));
        return id;
    }

    private boolean expired(String sessionId) {
        var expired = sessionRegistry.getSessionInformation(sessionId).isExpired();
        sessionRegistry.removeSessionInformation(sessionId);
        return expired;
    }

    @Test
    @WithUserDetails("admin")
    void aChangeOfRolesEndsThePersonsLiveSessions() {
        var session = liveSessionOf("counsellor2");
        var other = liveSessionOf("counsellor1");
        var read = administration.account(idOf("counsellor2"));
        administration.update(read.id(), read.version(), Set.of(Role.SUPERVISOR), read.teamId());
        assertThat(expired(session)).isTrue();
        assertThat(expired(other)).as("nobody else's").isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void aChangeOfTeamEndsThePersonsLiveSessions() {
        var session = liveSessionOf("counsellor2");
        var read = administration.account(idOf("counsellor2"));
        administration.update(read.id(), read.version(), read.roles(), null);
        assertThat(expired(session)).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void savingWithoutAChangeLeavesTheSessionsAlone() {
        var session = liveSessionOf("counsellor2");
        var read = administration.account(idOf("counsellor2"));
        administration.update(read.id(), read.version(), read.roles(), read.teamId());
        assertThat(expired(session)).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void aChangeOfTeamLeadershipEndsTheOldAndTheNewSupervisorsSessions() {
        var c2 = administration.account(idOf("counsellor2"));
        administration.update(c2.id(), c2.version(), Set.of(Role.SUPERVISOR), northTeam());
        var newLead = liveSessionOf("counsellor2");
        var oldLead = liveSessionOf("supervisor");
        var bystander = liveSessionOf("counsellor1");
        administration.setSupervisor(northTeam(), c2.id());
        assertThat(expired(newLead)).isTrue();
        assertThat(expired(oldLead)).isTrue();
        assertThat(expired(bystander)).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void anotherAdministratorGetsNoClinicalRoleAndLeadsNoTeam() {
        var created = administration.create(new NewStaffAccount(
                "Ari Second (demo)", "admin.second", "second@example.org", Set.of(Role.ADMIN), null));
        var second = administration.account(created.accountId());
        assertThatThrownBy(() ->
                        administration.update(second.id(), second.version(), Set.of(Role.ADMIN, Role.SUPERVISOR), null))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_ADMIN_AND_CLINICAL);
        assertThatThrownBy(() -> administration.setSupervisor(northTeam(), second.id()))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_AN_ADMIN_SUPERVISOR);
        assertThat(administration.account(second.id()).roles()).containsExactly(Role.ADMIN);
        assertThat(lastAudit("reason")).isEqualTo("administrator as team supervisor");
    }

    @Test
    @WithUserDetails("admin")
    void passwordResetSetsANewOneTimePassword() {
        var id = idOf("counsellor1");
        var password = administration.resetPassword(id);

        var account = accounts.findById(id).orElseThrow();
        assertThat(passwordEncoder.matches(password, account.passwordHash())).isTrue();
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(lastAudit("action")).isEqualTo("PASSWORD_RESET");
    }

    @Test
    @WithUserDetails("admin")
    void aTeamIsLedOnlyBySomeoneWhoHoldsTheSupervisorRole() {
        var team = northTeam();
        assertThatThrownBy(() -> administration.setSupervisor(team, idOf("counsellor1")))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_A_SUPERVISOR);

        var c2 = administration.account(idOf("counsellor2"));
        administration.update(c2.id(), c2.version(), Set.of(Role.SUPERVISOR), team);
        administration.setSupervisor(team, c2.id());

        assertThat(administration.teams())
                .filteredOn(t -> t.id() == team)
                .singleElement()
                .extracting(TeamSummary::supervisorName)
                .isEqualTo("Robin Counsellor (demo)");
        assertThat(lastAudit("action")).isEqualTo("SUPERVISOR_CHANGED");
    }

    @Test
    @WithUserDetails("admin")
    void theSupervisorRoleStaysWithSomeoneWhoLeadsATeam() {
        var lead = administration.account(idOf("supervisor"));
        assertThatThrownBy(
                        () -> administration.update(lead.id(), lead.version(), Set.of(Role.COUNSELLOR), lead.teamId()))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.STILL_LEADS_A_TEAM.formatted("North team (demo)"));
        assertThat(administration.account(lead.id()).roles()).containsExactly(Role.SUPERVISOR);
    }

    @Test
    @WithUserDetails("admin")
    void resettingTwoFactorForgetsTheAppAndRecoveryCodesEndsSessionsAndIsAudited() {
        var id = idOf("counsellor1");
        jdbc.update("insert into staff_recovery_code (account_id, code_hash) values (?, ?)", id, "0".repeat(64));
        sessionRegistry.registerNewSession("session-before-reset", userDetails.loadUserByUsername("counsellor1"));

        var password = administration.resetTwoFactor(id);

        var account = accounts.findById(id).orElseThrow();
        assertThat(account.totpSecret()).isNull();
        assertThat(account.totpLastStep()).isNull();
        assertThat(jdbc.queryForObject(
                        "select count(*) from staff_recovery_code where account_id = ?", Integer.class, id))
                .isZero();
        assertThat(sessionRegistry.getSessionInformation("session-before-reset").isExpired())
                .isTrue();
        sessionRegistry.removeSessionInformation("session-before-reset");
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(passwordEncoder.matches(password, account.passwordHash())).isTrue();
        assertThat(lastAudit("action")).isEqualTo("MFA_RESET");
        assertThat(lastAudit("actor_username")).isEqualTo("admin");
        assertThat(lastAudit("record_id")).isEqualTo(String.valueOf(id));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where reason like ?", Integer.class, "%" + password + "%"))
                .isZero();
    }

    @Test
    @WithUserDetails("admin")
    void afterATwoFactorResetThePersonsNextSignInEnrolsANewApp() {
        var id = idOf("counsellor3");
        var oneTimePassword = administration.resetTwoFactor(id);
        var admin = securityContext.getContext();
        var person = userDetails.loadUserByUsername("counsellor3");
        // Just past the password (the one-time password), before any code: as the login form leaves it.
        securityContext.setContext(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities())));
        try {
            assertThat(passwordEncoder.matches(oneTimePassword, person.getPassword()))
                    .isTrue();
            assertThat(twoFactor.enrolled()).isFalse();
            var enrolment = twoFactor.newEnrolment();
            assertThat(enrolment.secret()).isNotEqualTo(TestCodes.DEMO_SECRET);
            assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/Casebook%3Acounsellor3?secret=");
            assertThatThrownBy(() ->
                            twoFactor.confirmEnrolment(enrolment, TestCodes.code(TestCodes.DEMO_SECRET, Instant.now())))
                    .isInstanceOf(SecondFactorRefused.class);
            var recovery = twoFactor.confirmEnrolment(enrolment, TestCodes.code(enrolment.secret(), Instant.now()));
            assertThat(recovery).hasSize(TwoFactorService.RECOVERY_CODES);
            assertThat(twoFactor.enrolled()).isTrue();
        } finally {
            securityContext.setContext(admin);
        }
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorCannotResetTheirOwnTwoFactor() {
        var self = idOf("admin");
        assertThatThrownBy(() -> administration.resetTwoFactor(self))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_OWN_TWO_FACTOR);
        assertThat(accounts.findById(self).orElseThrow().totpSecret()).isNotNull();
        assertThat(accounts.findById(self).orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void administratorCreatesAndRenamesATeamAndBothAreAudited() {
        var created = administration.createTeam("  East   team  ");
        assertThat(created.name()).isEqualTo("East team");
        assertThat(created.supervisorId()).isNull();
        assertThat(lastAudit("action")).isEqualTo("TEAM_CREATED");
        assertThat(lastAudit("actor_username")).isEqualTo("admin");
        assertThat(lastAudit("record_id")).isEqualTo(String.valueOf(created.id()));

        var renamed = administration.renameTeam(created.id(), created.version(), "East and Coast team");
        assertThat(renamed.name()).isEqualTo("East and Coast team");
        assertThat(renamed.version()).isGreaterThan(created.version());
        assertThat(lastAudit("action")).isEqualTo("TEAM_RENAMED");
        assertThat(lastAudit("reason")).isEqualTo("renamed from East team to East and Coast team");
        assertThat(administration.teams())
                .extracting(TeamSummary::name)
                .contains("East and Coast team")
                .doesNotContain("East team");
    }

    @Test
    @WithUserDetails("admin")
    void teamNamesAreRequiredShortAndUniqueIgnoringCase() {
        assertThatThrownBy(() -> administration.createTeam("   "))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.TEAM_NAME_REQUIRED)
                .extracting(e -> ((AccountChangeRefused) e).field())
                .isEqualTo("teamName");
        assertThatThrownBy(() -> administration.createTeam("x".repeat(101)))
                .hasMessage(StaffAdministration.TEAM_NAME_REQUIRED);
        assertThatThrownBy(() -> administration.createTeam("north TEAM (demo)"))
                .hasMessage(StaffAdministration.TEAM_NAME_TAKEN);
        var north = administration.teams().stream()
                .filter(t -> t.id() == northTeam())
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> administration.renameTeam(north.id(), north.version(), "South team (demo)"))
                .hasMessage(StaffAdministration.TEAM_NAME_TAKEN);
        // Changing only the case of its own name is allowed.
        assertThat(administration
                        .renameTeam(north.id(), north.version(), "NORTH team (demo)")
                        .name())
                .isEqualTo("NORTH team (demo)");
    }

    @Test
    @WithUserDetails("admin")
    void aRenameBasedOnAnOutdatedVersionIsRefused() {
        var team = administration.createTeam("West team");
        administration.renameTeam(team.id(), team.version(), "West team one");
        assertThatThrownBy(() -> administration.renameTeam(team.id(), team.version(), "West team two"))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.TEAM_CONCURRENT_EDIT);
        assertThat(administration.teams()).extracting(TeamSummary::name).contains("West team one");
    }

    @Test
    @WithUserDetails("admin")
    void movingACounsellorToAnotherTeamIsAuditedWithTheNewTeam() {
        var id = idOf("counsellor3");
        var north = northTeam();
        var before = administration.account(id);
        var moved = administration.update(id, before.version(), before.roles(), north);

        assertThat(moved.teamName()).isEqualTo("North team (demo)");
        assertThat(lastAudit("action")).isEqualTo("TEAM_CHANGED");
        assertThat(lastAudit("actor_username")).isEqualTo("admin");
        assertThat(lastAudit("record_id")).isEqualTo(String.valueOf(id));
        assertThat(lastAudit("reason")).isEqualTo("team: North team (demo)");
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorIsDeniedEveryAdministration() {
        assertDeniedEverything();
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorIsDeniedEveryAdministration() {
        assertDeniedEverything();
    }

    private void assertDeniedEverything() {
        var id = idOf("counsellor2");
        assertThatThrownBy(() -> administration.accounts("", PageRequest.of(0, 10)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.create(newCounsellor("jo.newcomer")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.update(id, 0, Set.of(Role.ADMIN), null))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.deactivate(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.reactivate(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.resetPassword(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.setSupervisor(northTeam(), id))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.teams()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.resetTwoFactor(id)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.createTeam("Their own team"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> administration.renameTeam(northTeam(), 0, "Renamed"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(accounts.findById(id).orElseThrow().enabled()).isTrue();
        assertThat(accounts.findById(id).orElseThrow().totpSecret()).isNotNull();
    }
}
