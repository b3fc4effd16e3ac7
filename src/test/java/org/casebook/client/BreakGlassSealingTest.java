package org.casebook.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Break-glass reasons and escalation notes are sealed like other clinical text, old clear ones included. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class BreakGlassSealingTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClients testClients;

    @Autowired
    DemoBreakGlass pastBreakGlass;

    @Autowired
    BreakGlassReviews reviews;

    @Autowired
    BreakGlassSealing sealing;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    Clock clock;

    @Test
    void aReasonAndAnEscalationNoteAreStoredSealedAndReadBackByTheReviewer() {
        var client = testClients.activeWith("counsellor2");
        pastBreakGlass.recordPast(
                client.code(), testClients.id("counsellor1"), "Duty line call, Robin away (test)", Duration.ofHours(2));
        var pending = runAs.as("supervisor", () -> reviews.queue()).stream()
                .filter(r -> r.clientCode().equals(client.code()))
                .findFirst()
                .orElseThrow();
        runAs.as(
                "supervisor",
                () -> reviews.review(
                        pending.id(),
                        pending.version(),
                        BreakGlassReview.Outcome.ESCALATED,
                        "Told the designated safeguarding lead (test)"));

        var row = jdbc.queryForMap(
                "select reason, review_note, sealed_reason, sealed_review_note "
                        + "from break_glass_access where id = ?",
                pending.id());
        assertThat(row.get("reason")).isNull();
        assertThat(row.get("review_note")).isNull();
        assertThat(new String((byte[]) row.get("sealed_reason"), ISO_8859_1)).doesNotContain("Duty line");
        assertThat(new String((byte[]) row.get("sealed_review_note"), ISO_8859_1))
                .doesNotContain("safeguarding lead");
        var reviewed = runAs.as("supervisor", () -> reviews.queue()).stream()
                .filter(r -> r.id().equals(pending.id()))
                .findFirst()
                .orElseThrow();
        assertThat(reviewed.reason()).isEqualTo("Duty line call, Robin away (test)");
        assertThat(reviewed.reviewNote()).isEqualTo("Told the designated safeguarding lead (test)");
    }

    @Test
    void reasonsStoredInClearBeforeSealingAreSealedAtStart() {
        var client = testClients.activeWith("counsellor2");
        var id = UUID.randomUUID();
        var at = Timestamp.from(clock.instant().minus(Duration.ofHours(3)));
        jdbc.update(
                "insert into break_glass_access (id, client_id, staff_id, reason, granted_at, expires_at, review, "
                        + "reviewed_by, reviewed_at, review_note) values (?, ?, ?, ?, ?, ?, 'ESCALATED', ?, ?, ?)",
                id,
                client.id().value(),
                testClients.id("counsellor1"),
                "Written in clear before V43 (test)",
                at,
                at,
                testClients.id("supervisor"),
                at,
                "Escalated in clear (test)");

        sealing.run(new org.springframework.boot.DefaultApplicationArguments());

        var row =
                jdbc.queryForMap("select reason, review_note, sealed_reason from break_glass_access where id = ?", id);
        assertThat(row.get("reason")).isNull();
        assertThat(row.get("review_note")).isNull();
        assertThat(row.get("sealed_reason")).isNotNull();
        var review = runAs.as("supervisor", () -> reviews.queue()).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(review.reason()).isEqualTo("Written in clear before V43 (test)");
        assertThat(review.reviewNote()).isEqualTo("Escalated in clear (test)");
    }
}
