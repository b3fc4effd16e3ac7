package org.casebook.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientRef;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.casebook.security.StaffMember;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard's figures against hand-counted fixtures. Tests share one database, so each counts what its
 * own fixtures add (after minus before).
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class TeamDashboardTest {

    @Autowired
    TeamDashboard dashboard;

    @Autowired
    TestClients testClients;

    @Autowired
    CaseAccessPolicy policy;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("supervisor")
    void activeCaseloadCountsTheAssignedAndActiveClientsOfEachCounsellor() {
        var before = dashboard.overview();
        var first = testClients.activeWith("counsellor1");
        var second = testClients.assignedTo("counsellor1");
        testClients.activeWith("counsellor2");
        testClients.waiting("counsellor1");
        testClients.activeWith("counsellor3");
        var after = dashboard.overview();

        assertThat(caseload(after, "counsellor1") - caseload(before, "counsellor1"))
                .isEqualTo(2);
        assertThat(caseload(after, "counsellor2") - caseload(before, "counsellor2"))
                .isEqualTo(1);
        assertThat(after.counsellors())
                .extracting(CounsellorFigures::counsellorName)
                .containsExactly("Casey Counsellor (demo)", "Robin Counsellor (demo)");
        assertThat(dashboard.activeCaseloadOf(testClients.id("counsellor1")))
                .extracting(ClientRef::code)
                .contains(first.code(), second.code())
                .hasSize((int) caseload(after, "counsellor1"));
    }

    @Test
    @WithUserDetails("supervisor")
    void waitingForAssignmentCountsOnlyThisTeamsWaitingList() {
        var before = dashboard.overview();
        var waiting = testClients.waiting("counsellor2");
        var alsoWaiting = testClients.waiting("counsellor1");
        testClients.received("counsellor1");
        var south = testClients.waiting("counsellor3");
        var after = dashboard.overview();

        assertThat(after.waitingForAssignment() - before.waitingForAssignment()).isEqualTo(2);
        assertThat(dashboard.waitingList())
                .extracting(ClientRef::code)
                .contains(waiting.code(), alsoWaiting.code())
                .doesNotContain(south.code())
                .hasSize((int) after.waitingForAssignment());
    }

    @Test
    @WithUserDetails("supervisor")
    void caseloadByStatusCountsEachStatusOfTheTeam() {
        var before = dashboard.overview().caseloadByStatus();
        testClients.received("counsellor1");
        testClients.received("counsellor2");
        testClients.waiting("counsellor1");
        testClients.assignedTo("counsellor2");
        testClients.activeWith("counsellor1");
        testClients.activeWith("counsellor3");
        var after = dashboard.overview().caseloadByStatus();

        assertThat(after.get(CaseStatus.RECEIVED) - before.get(CaseStatus.RECEIVED))
                .isEqualTo(2);
        assertThat(after.get(CaseStatus.WAITING) - before.get(CaseStatus.WAITING))
                .isEqualTo(1);
        assertThat(after.get(CaseStatus.ASSIGNED) - before.get(CaseStatus.ASSIGNED))
                .isEqualTo(1);
        assertThat(after.get(CaseStatus.ACTIVE) - before.get(CaseStatus.ACTIVE)).isEqualTo(1);
        assertThat(after.get(CaseStatus.CLOSED)).isEqualTo(before.get(CaseStatus.CLOSED));
    }

    @Test
    @WithUserDetails("supervisor2")
    void anotherTeamsSupervisorSeesNothingOfThisTeam() {
        var north = testClients.activeWith("counsellor1");
        var northWaiting = testClients.waiting("counsellor1");
        var overview = dashboard.overview();
        assertThat(overview.counsellors())
                .extracting(CounsellorFigures::counsellorName)
                .containsExactly("Alex Counsellor (demo)");
        assertThat(dashboard.activeCaseloadOf(testClients.id("counsellor1"))).isEmpty();
        assertThat(dashboard.waitingList()).extracting(ClientRef::code).doesNotContain(northWaiting.code());
        assertThatThrownBy(() -> dashboard.reassignmentCandidates(north.code()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.reassign(north.code(), testClients.id("counsellor3"), "moving it south now"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorsAreDenied() {
        assertThatThrownBy(() -> dashboard.overview()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> dashboard.waitingList()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorsAreDenied() {
        assertThatThrownBy(() -> dashboard.overview()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> dashboard.activeCaseloadOf(1)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void reassigningMovesAccessFromTheOldCounsellorToTheNewAndIsAudited() {
        var client = testClients.activeWith("counsellor1");
        assertThat(runAs.as("counsellor1", () -> policy.allows(client.id()))).isTrue();
        assertThat(runAs.as("counsellor2", () -> policy.allows(client.id()))).isFalse();

        dashboard.reassign(client.code(), testClients.id("counsellor2"), "Casey is on extended leave");

        assertThat(runAs.as("counsellor1", () -> policy.allows(client.id()))).isFalse();
        assertThat(runAs.as("counsellor2", () -> policy.allows(client.id()))).isTrue();
        assertThat(dashboard.activeCaseloadOf(testClients.id("counsellor2")))
                .extracting(ClientRef::code)
                .contains(client.code());
        assertThat(dashboard.activeCaseloadOf(testClients.id("counsellor1")))
                .extracting(ClientRef::code)
                .doesNotContain(client.code());
        // The reason is kept sealed in the case history, which the entry names; the audit log says only to whom.
        assertThat(jdbc.queryForObject(
                        "select record_type || ' ' || reason from audit_entry where client_ref = ? "
                                + "and action = 'REASSIGN'",
                        String.class,
                        client.code()))
                .isEqualTo("client-history to staff #" + testClients.id("counsellor2"));
    }

    @Test
    @WithUserDetails("supervisor")
    void anExcludedCounsellorIsNeverOfferedNorAccepted() {
        var client = testClients.activeWith("counsellor1");
        testClients.exclude(client.id(), "counsellor2");
        assertThat(dashboard.reassignmentCandidates(client.code()))
                .extracting(StaffMember::displayName)
                .doesNotContain("Robin Counsellor (demo)", "Casey Counsellor (demo)");
        assertThatThrownBy(() ->
                        dashboard.reassign(client.code(), testClients.id("counsellor2"), "Casey is on extended leave"))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("counsellor"));
        assertThat(runAs.as("counsellor1", () -> policy.allows(client.id()))).isTrue();
    }

    @Test
    @WithUserDetails("supervisor")
    void reassignmentNeedsAReasonACounsellorOfTheTeamAndAnAssignedCase() {
        var client = testClients.activeWith("counsellor1");
        assertThatThrownBy(() -> dashboard.reassign(client.code(), testClients.id("counsellor2"), " short "))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThatThrownBy(() ->
                        dashboard.reassign(client.code(), testClients.id("counsellor3"), "Alex has space in the south"))
                .isInstanceOf(InvalidFields.class);
        var waiting = testClients.waiting("counsellor1");
        assertThatThrownBy(() ->
                        dashboard.reassign(waiting.code(), testClients.id("counsellor2"), "Robin has space this month"))
                .isInstanceOf(InvalidFields.class)
                .hasMessageContaining("Only an assigned or active case");
        assertThat(runAs.as("counsellor2", () -> policy.allows(client.id()))).isFalse();
    }

    private long caseload(TeamOverview overview, String username) {
        var id = testClients.id(username);
        return overview.counsellors().stream()
                .filter(c -> c.counsellorId() == id)
                .findFirst()
                .orElseThrow()
                .activeCaseload();
    }
}
