package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.casebook.client.TestClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Its own database: the seeder adds to every active case of the demo counsellors it finds. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:demo-sessions-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
class DemoSessionsTest {

    @Autowired
    DemoSessions demo;

    @Autowired
    TestClients testClients;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seedsAHistoryForEachActiveCaseOfTheDemoCounsellorsOnceOnly() {
        var first = testClients.activeWith("counsellor1");
        var second = testClients.activeWith("counsellor1");
        var waiting = testClients.assignedTo("counsellor2");
        demo.run(null);
        assertThat(count("select count(*) from appointment where client_code = ?", waiting.code()))
                .isZero();
        for (var client : java.util.List.of(first, second)) {
            // One missed session weeks ago; every other case also one two days ago.
            assertThat(count(
                            "select count(*) from appointment where client_code = ? and outcome = 'DID_NOT_ATTEND'",
                            client.code()))
                    .isBetween(1, 2);
            assertThat(count(
                            "select count(*) from appointment where client_code = ? and outcome is null",
                            client.code()))
                    .isEqualTo(2);
            assertThat(count("select count(*) from core10_score where client_code = ?", client.code()))
                    .isEqualTo(2);
            assertThat(count(
                            "select count(*) from session_note n join session_note_addendum a on a.note_id = n.id "
                                    + "where n.client_code = ?",
                            client.code()))
                    .isEqualTo(1);
        }
        // The first case of each counsellor (whichever that is) also gets an overdue and an open draft.
        assertThat(count(
                        "select count(*) from session_note n join appointment a on a.id = n.appointment_id "
                                + "where n.signed_at is null and a.counsellor_id = ? and a.starts_at < ?",
                        testClients.id("counsellor1"),
                        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(72)))))
                .isPositive();
        assertThat(count(
                        "select count(*) from appointment where counsellor_id = ? and outcome = 'DID_NOT_ATTEND' "
                                + "and starts_at > ?",
                        testClients.id("counsellor1"),
                        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(7)))))
                .isPositive();
        int before = count("select count(*) from appointment where client_code in (?, ?)", first.code(), second.code());
        demo.run(null);
        assertThat(count("select count(*) from appointment where client_code in (?, ?)", first.code(), second.code()))
                .isEqualTo(before);
    }

    private int count(String sql, Object... args) {
        return Objects.requireNonNull(jdbc.queryForObject(sql, Integer.class, args));
    }
}
