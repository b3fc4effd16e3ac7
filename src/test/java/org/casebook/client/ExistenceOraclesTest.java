package org.casebook.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.casebook.MutableClock;
import org.casebook.riskplan.ConcernCategory;
import org.casebook.riskplan.NewConcern;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.RunAsStaff;
import org.casebook.session.SessionFixtures;
import org.casebook.session.SessionNoteService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Trying ids and codes must not tell whether they exist: a missing one and another team's get the same
 * refusal, and the audit entries (which supervisors read) look alike but for the id tried.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class ExistenceOraclesTest {

    @Autowired
    SessionNoteService notes;

    @Autowired
    SafeguardingService safeguarding;

    @Autowired
    ClientService clients;

    @Autowired
    SessionFixtures sessions;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void later() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void aMissingNoteAndAnotherTeamsNoteAreRefusedAlikeAndBothAudited() {
        var theirs = sessions.signed("counsellor1", "Presentation (fictional)").appointment();
        var missing = UUID.randomUUID();
        assertAlike("counsellor3", theirs.toString(), missing.toString(), id -> notes.open(UUID.fromString(id)));
    }

    @Test
    void aMissingConcernAndAnotherTeamsConcernAreRefusedAlikeAndBothAudited() {
        var client = testClients.activeWith("counsellor1");
        var theirs = runAs.as(
                "counsellor1",
                () -> safeguarding.raise(new NewConcern(
                        client.code(),
                        "Fictional concern",
                        LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))),
                        ConcernCategory.OTHER,
                        false,
                        "client-page")));
        var missing = UUID.randomUUID();
        assertAlike("supervisor2", theirs.toString(), missing.toString(), id -> safeguarding.open(UUID.fromString(id)));
        assertAlike(
                "counsellor3",
                theirs.toString(),
                UUID.randomUUID().toString(),
                id -> safeguarding.comment(UUID.fromString(id), "More"));
    }

    @Test
    void aRefusedClientCodeLooksTheSameInTheAuditLogWhetherOrNotTheClientExists() {
        var theirs = testClients.activeWith("counsellor1").code();
        var missing = "ZZZ-ZZZ";
        assertThat(ClientCode.normalise(missing)).isPresent();
        assertAlike("counsellor3", theirs, missing, clients::open);
    }

    private void assertAlike(String who, String existing, String missing, Consumer<String> attempt) {
        runAs.as(who, () -> {
            for (var id : new String[] {existing, missing}) {
                assertThatThrownBy(() -> attempt.accept(id))
                        .isInstanceOf(ClientAccessDenied.class)
                        .hasMessage(ClientAccessDenied.MESSAGE);
            }
        });
        var forExisting = lastRefusal(existing);
        var forMissing = lastRefusal(missing);
        assertThat(forExisting).isNotNull();
        forExisting.remove("record_id");
        forMissing.remove("record_id");
        forExisting.remove("client_ref");
        forMissing.remove("client_ref");
        assertThat(forMissing).isEqualTo(forExisting);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where record_id = ? and client_ref is not null"
                                + " and client_ref <> ? and outcome = 'DENIED'",
                        Long.class,
                        existing,
                        existing))
                .isZero();
    }

    private Map<String, Object> lastRefusal(String recordId) {
        var row = new java.util.HashMap<String, Object>();
        jdbc.queryForMap(
                        "select action, record_type, record_id, client_ref, outcome, "
                                + "reason, actor_username from audit_entry where record_id = ? and outcome = 'DENIED' "
                                + "order by seq desc limit 1",
                        recordId)
                .forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
        return row;
    }
}
