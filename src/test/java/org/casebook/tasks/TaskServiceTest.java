package org.casebook.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class TaskServiceTest {

    static final String TITLE = "Send the court letter (test)";

    @Autowired
    TaskService tasks;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    CharityClock charity;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("counsellor1")
    void aTaskAboutAClientIsListedForItsAssigneeWithTheTitleSealedAndTheViewsAudited() {
        var client = testClients.activeWith("counsellor1");
        var me = testClients.id("counsellor1");
        var saved = tasks.create(new NewTask(TITLE, charity.today().minusDays(1), me, client.code()));
        assertThat(saved.overdue()).isTrue();
        assertThat(tasks.mine())
                .filteredOn(t -> t.id().equals(saved.id()))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.title()).isEqualTo(TITLE);
                    assertThat(t.clientCode()).isEqualTo(client.code());
                });
        assertThat(tasks.ofClient(client.code())).extracting(TaskRow::id).containsExactly(saved.id());
        var stored = jdbc.queryForObject("select title from task where id = ?", byte[].class, saved.id());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("court letter");
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where record_id = ? order by seq",
                        String.class,
                        saved.id().toString()))
                .containsExactly("CREATE");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where reason like '%court letter%'", Integer.class))
                .isZero();
    }

    @Test
    @WithUserDetails("counsellor1")
    void aTaskGoesToAColleagueInTheTeamAndNeverToAnotherTeam() {
        var colleague = testClients.id("counsellor2");
        var saved = tasks.create(new NewTask(TITLE, charity.today().plusDays(2), colleague, null));
        assertThat(runAs.as("counsellor2", () -> tasks.mine()))
                .extracting(TaskRow::id)
                .contains(saved.id());
        assertThat(tasks.mine()).extracting(TaskRow::id).doesNotContain(saved.id());
        assertThatThrownBy(() -> tasks.create(new NewTask(TITLE, charity.today(), testClients.id("counsellor3"), null)))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("assignee")).isEqualTo(TaskService.NOT_A_COLLEAGUE));
    }

    @Test
    @WithUserDetails("counsellor1")
    void aTaskAboutAClientGoesOnlyToTheClientsCounsellorOrTheOneWhoSetsIt() {
        var client = testClients.activeWith("counsellor1");
        assertThatThrownBy(() ->
                        tasks.create(new NewTask(TITLE, charity.today(), testClients.id("counsellor2"), client.code())))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("assignee")).isEqualTo(TaskService.NOT_THE_CLIENTS));
        var others = testClients.activeWith("counsellor2");
        assertThatThrownBy(() ->
                        tasks.create(new NewTask(TITLE, charity.today(), testClients.id("counsellor1"), others.code())))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> runAs.as("counsellor3", () -> tasks.ofClient(client.code())))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void onlyTheAssigneeOrTheSetterTicksATaskOff() {
        var saved = tasks.create(new NewTask(TITLE, charity.today(), testClients.id("counsellor2"), null));
        assertThatThrownBy(() -> runAs.as("supervisor", () -> {
                    tasks.complete(saved.id());
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage(TaskService.NOT_YOURS);
        runAs.as("counsellor2", () -> {
            tasks.complete(saved.id());
            return null;
        });
        assertThat(runAs.as("counsellor2", () -> tasks.mine()))
                .extracting(TaskRow::id)
                .doesNotContain(saved.id());
    }

    @Test
    @WithUserDetails("counsellor1")
    void missingTitleAndDateAreRefusedAtTheirFields() {
        var me = testClients.id("counsellor1");
        assertThatThrownBy(() -> tasks.create(new NewTask(" ", charity.today(), me, null)))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("title")).isEqualTo(TaskService.TITLE_NEEDED));
        assertThatThrownBy(() -> tasks.create(new NewTask(TITLE, null, me, null)))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("due")).isEqualTo(TaskService.DUE_NEEDED));
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorHasNoTasks() {
        assertThatThrownBy(() -> tasks.mine()).isInstanceOf(AuthorizationDeniedException.class);
    }
}
