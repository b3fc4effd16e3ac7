package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator cannot give themself clinical access, nor anyone both jobs. Not transactional: each
 * refusal must leave its audit entry committed although nothing else changes.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class SeparationOfDutiesTest {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    TeamRepository teams;

    @Autowired
    JdbcTemplate jdbc;

    private long idOf(String username) {
        return accounts.findByUsername(username).orElseThrow().id();
    }

    private long northTeam() {
        return teams.findByName("North team (demo)").orElseThrow().id();
    }

    private long lastSeq() {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
    }

    /** Denials recorded since {@code seq}, as "actor record-type record-id outcome reason". */
    private List<String> denialsSince(long seq) {
        return jdbc.queryForList("""
                select actor_username || ' ' || record_type || ' ' || record_id || ' ' || outcome || ' ' || reason
                from audit_entry where seq > ? and action = 'ACCESS_DENIED' order by seq""", String.class, seq);
    }

    private Set<Role> rolesOf(String username) {
        return accounts.findByUsername(username).orElseThrow().roles();
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorCannotAddTheSupervisorRoleToTheirOwnAccountAndTheRefusalIsAudited() {
        var self = administration.account(idOf("admin"));
        var before = lastSeq();
        assertThatThrownBy(() ->
                        administration.update(self.id(), self.version(), Set.of(Role.ADMIN, Role.SUPERVISOR), null))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_OWN_ROLES)
                .extracting(e -> ((AccountChangeRefused) e).field())
                .isEqualTo("roles");
        assertThat(rolesOf("admin")).containsExactly(Role.ADMIN);
        assertThat(denialsSince(before))
                .containsExactly("admin staff-account " + self.id() + " DENIED own roles or team");
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorCannotMoveThemselvesIntoATeam() {
        var self = administration.account(idOf("admin"));
        var before = lastSeq();
        assertThatThrownBy(() -> administration.update(self.id(), self.version(), Set.of(Role.ADMIN), northTeam()))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_OWN_ROLES)
                .extracting(e -> ((AccountChangeRefused) e).field())
                .isEqualTo("team");
        assertThat(accounts.findByUsername("admin").orElseThrow().team()).isNull();
        assertThat(denialsSince(before)).hasSize(1);
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorCannotMakeThemselfATeamsSupervisor() {
        var before = lastSeq();
        var team = northTeam();
        assertThatThrownBy(() -> administration.setSupervisor(team, idOf("admin")))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_OWN_TEAM_LEADERSHIP);
        assertThat(accounts.teamsLedBy(idOf("admin"))).isEmpty();
        assertThat(accounts.teamsLedBy(idOf("supervisor"))).containsExactly(team);
        assertThat(denialsSince(before)).containsExactly("admin team " + team + " DENIED own team leadership");
    }

    @Test
    @WithUserDetails("admin")
    void theAdministratorRoleIsRefusedToSomeoneWhoHoldsAClinicalRole() {
        var supervisor = administration.account(idOf("supervisor"));
        var before = lastSeq();
        assertThatThrownBy(() -> administration.update(
                        supervisor.id(),
                        supervisor.version(),
                        Set.of(Role.SUPERVISOR, Role.ADMIN),
                        supervisor.teamId()))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_ADMIN_AND_CLINICAL);
        assertThat(rolesOf("supervisor")).containsExactly(Role.SUPERVISOR);
        assertThat(denialsSince(before))
                .containsExactly("admin staff-account " + supervisor.id()
                        + " DENIED administrator and clinical role on one account");
    }

    @Test
    @WithUserDetails("admin")
    void aNewAccountCannotHoldTheAdministratorRoleBesideAClinicalOne() {
        var before = lastSeq();
        assertThatThrownBy(() -> administration.create(new NewStaffAccount(
                        "Pat Both", "pat.both", "pat@example.org", Set.of(Role.ADMIN, Role.COUNSELLOR), null)))
                .isInstanceOf(AccountChangeRefused.class)
                .hasMessage(StaffAdministration.NOT_ADMIN_AND_CLINICAL);
        assertThat(accounts.findByUsername("pat.both")).isEmpty();
        assertThat(denialsSince(before))
                .containsExactly(
                        "admin staff-account pat.both DENIED administrator and clinical role on a new account");
    }
}
