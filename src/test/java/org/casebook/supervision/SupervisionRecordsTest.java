package org.casebook.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class SupervisionRecordsTest {

    static final String DISCUSSION = "Talked through pacing and the client's early warning signs (test).";

    @Autowired
    SupervisionRecords records;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("supervisor")
    void theSupervisorAndTheCounsellorReadTheRecordAndNobodyElse() {
        var client = testClients.activeWith("counsellor1");
        var saved = records.create(draft("counsellor1", List.of(client.code()), DISCUSSION));
        assertThat(saved.clientCodes()).containsExactly(client.code());
        assertThat(saved.editable()).isTrue();

        var read = runAs.as("counsellor1", () -> records.open(saved.id()));
        assertThat(read.discussion()).isEqualTo(DISCUSSION);
        assertThat(read.agreedActions()).isEqualTo("Bring the plan next time (test).");
        assertThat(read.editable()).isFalse();
        assertThat(runAs.as("counsellor1", () -> records.mine()))
                .extracting(SupervisionRecordSummary::id)
                .contains(saved.id());

        for (var outsider : List.of("counsellor2", "supervisor2", "counsellor3")) {
            assertThatThrownBy(() -> runAs.as(outsider, () -> records.open(saved.id())))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage(SupervisionRecords.NOT_YOURS);
            assertThat(runAs.as(outsider, () -> records.mine()))
                    .extracting(SupervisionRecordSummary::id)
                    .doesNotContain(saved.id());
        }
        assertThatThrownBy(() -> runAs.as("admin", () -> records.open(saved.id())))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where record_id = ? and outcome = 'DENIED'",
                        Integer.class,
                        saved.id().toString()))
                .isEqualTo(3);
    }

    @Test
    @WithUserDetails("supervisor")
    void viewsAndChangesAreAuditedWithTheClientCodeAndTheTextIsSealed() {
        var client = testClients.activeWith("counsellor2");
        var saved = records.create(draft("counsellor2", List.of(client.code()), DISCUSSION));
        records.open(saved.id());
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where record_id = ? and client_ref = ? order by seq",
                        String.class,
                        saved.id().toString(),
                        client.code()))
                .containsExactly("CREATE", "VIEW");
        var stored =
                jdbc.queryForObject("select discussion from supervision_record where id = ?", byte[].class, saved.id());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("early warning");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where reason like '%early warning%'", Integer.class))
                .isZero();
    }

    @Test
    @WithUserDetails("supervisor")
    void onlyTheCounsellorsOwnOpenCasesMayBeNamed() {
        var theirs = testClients.activeWith("counsellor2");
        var southern = testClients.activeWith("counsellor3");
        for (var code : List.of(theirs.code(), southern.code(), "ZZZ-ZZZ")) {
            assertThatThrownBy(() -> records.create(draft("counsellor1", List.of(code), DISCUSSION)))
                    .isInstanceOfSatisfying(
                            InvalidFields.class,
                            e -> assertThat(e.fieldErrors()).containsOnlyKeys("clients"));
        }
        assertThat(records.clientCodesOf(testClients.id("counsellor1"))).doesNotContain(theirs.code(), southern.code());
    }

    @Test
    @WithUserDetails("supervisor")
    void badInputIsRefusedAtItsField() {
        assertThatThrownBy(() -> records.create(draft("counsellor3", List.of(), DISCUSSION)))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("counsellor"));
        assertThatThrownBy(() -> records.create(draft("counsellor1", List.of(), "   ")))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("discussion"));
        var future = new SupervisionRecordDraft(
                LocalDate.now().plusDays(3), testClients.id("counsellor1"), List.of(), DISCUSSION, null);
        assertThatThrownBy(() -> records.create(future))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("heldOn"));
    }

    @Test
    @WithUserDetails("supervisor")
    void aChangeFromAnOlderVersionIsRefusedAndOnlyTheWritingSupervisorMayChange() {
        var saved = records.create(draft("counsellor1", List.of(), DISCUSSION));
        var changed =
                records.update(saved.id(), saved.version(), draft("counsellor1", List.of(), DISCUSSION + " More."));
        assertThat(changed.discussion()).endsWith("More.");
        assertThat(changed.version()).isGreaterThan(saved.version());
        assertThatThrownBy(() -> records.update(saved.id(), saved.version(), draft("counsellor1", List.of(), "stale")))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThatThrownBy(() -> runAs.as(
                        "supervisor2",
                        () -> records.update(saved.id(), changed.version(), draft("counsellor1", List.of(), "hijack"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs.as(
                        "counsellor1",
                        () -> records.update(
                                saved.id(), changed.version(), draft("counsellor1", List.of(), "my version"))))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(records.open(saved.id()).discussion()).endsWith("More.");
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorsCannotWriteRecords() {
        assertThatThrownBy(() -> records.create(draft("counsellor1", List.of(), DISCUSSION)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> records.counsellors()).isInstanceOf(AuthorizationDeniedException.class);
    }

    private SupervisionRecordDraft draft(String counsellor, List<String> codes, String discussion) {
        return new SupervisionRecordDraft(
                LocalDate.now().minusDays(1),
                testClients.id(counsellor),
                codes,
                discussion,
                "Bring the plan next time (test).");
    }
}
