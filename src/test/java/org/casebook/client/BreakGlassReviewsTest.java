package org.casebook.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.casebook.MutableClock;
import org.casebook.security.ReAuthentication;
import org.casebook.security.RunAsStaff;
import org.casebook.security.TestCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class BreakGlassReviewsTest {

    static final String REASON = "Client rang the duty line in crisis, counsellor away";

    @Autowired
    BreakGlassReviews reviews;

    @Autowired
    ClientService clients;

    @Autowired
    DemoBreakGlass pastBreakGlass;

    @Autowired
    ReAuthentication reAuthentication;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clearSignInState() {
        clock.advance(Duration.ofMinutes(1));
        jdbc.update(
                "update staff_account set totp_last_step = null, failed_attempts = 0, failed_codes = 0, locked_until = null");
    }

    @Test
    @WithUserDetails("supervisor")
    void aBreakGlassIntoTheTeamBySomeoneOutsideItWaitsForBothTeamsSupervisors() {
        var north = testClients.activeWith("counsellor1");
        var beforeNorth = reviews.pendingCount();
        var beforeSouth = runAs.as("supervisor2", () -> reviews.pendingCount());

        runAs.as("counsellor3", () -> {
            reAuthentication.confirm("casebook-demo-2026", TestCodes.code(TestCodes.DEMO_SECRET, clock.instant()));
            clients.breakGlass(north.code(), REASON);
        });

        assertThat(reviews.pendingCount()).isEqualTo(beforeNorth + 1);
        assertThat(runAs.as("supervisor2", () -> reviews.pendingCount())).isEqualTo(beforeSouth + 1);
        var queued = reviews.queue().stream()
                .filter(r -> r.clientCode().equals(north.code()))
                .toList();
        assertThat(queued).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(REASON);
            assertThat(r.staffName()).isEqualTo("Alex Counsellor (demo)");
            assertThat(r.isPending()).isTrue();
        });
        assertThat(reviews.queue().getFirst().isPending()).isTrue();
    }

    @Test
    @WithUserDetails("supervisor")
    void acknowledgingTakesItOffThePendingListAndIsAudited() {
        var north = testClients.activeWith("counsellor2");
        pastBreakGlass.recordPast(north.code(), testClients.id("counsellor1"), REASON, Duration.ofHours(3));
        var before = reviews.pendingCount();
        var pending = reviewOf(north.code());

        var done = reviews.review(pending.id(), pending.version(), BreakGlassReview.Outcome.ACKNOWLEDGED, null);

        assertThat(done.outcome()).isEqualTo(BreakGlassReview.Outcome.ACKNOWLEDGED);
        assertThat(done.reviewerName()).isEqualTo("Sam Supervisor (demo)");
        assertThat(reviews.pendingCount()).isEqualTo(before - 1);
        assertThat(jdbc.queryForObject(
                        "select action || ' ' || reason from audit_entry where client_ref = ? "
                                + "order by seq desc limit 1",
                        String.class,
                        north.code()))
                .isEqualTo("BREAK_GLASS_REVIEWED acknowledged");
        // Reviewed once: a second review from the same starting point is refused, not overwritten.
        assertThatThrownBy(() -> reviews.review(
                        pending.id(), pending.version(), BreakGlassReview.Outcome.ESCALATED, "Escalated to the DSL"))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void escalatingNeedsANote() {
        var north = testClients.activeWith("counsellor2");
        pastBreakGlass.recordPast(north.code(), testClients.id("counsellor1"), REASON, Duration.ofHours(2));
        var pending = reviewOf(north.code());
        assertThatThrownBy(
                        () -> reviews.review(pending.id(), pending.version(), BreakGlassReview.Outcome.ESCALATED, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(BreakGlassReviews.NOTE_NEEDED);
        var done = reviews.review(
                pending.id(),
                pending.version(),
                BreakGlassReview.Outcome.ESCALATED,
                "Reason does not hold up; raised with the service manager");
        assertThat(done.reviewNote()).startsWith("Reason does not hold up");
        assertThat(reviewOf(north.code()).outcome()).isEqualTo(BreakGlassReview.Outcome.ESCALATED);
    }

    @Test
    @WithUserDetails("supervisor")
    void aBreakGlassOutsideTheTeamIsNeitherListedNorReviewable() {
        var south = testClients.activeWith("counsellor3");
        pastBreakGlass.recordPast(south.code(), testClients.id("supervisor2"), REASON, Duration.ofHours(1));
        assertThat(reviews.queue()).extracting(BreakGlassReview::clientCode).doesNotContain(south.code());
        var theirs = runAs.as("supervisor2", () -> reviews.queue()).stream()
                .filter(r -> r.clientCode().equals(south.code()))
                .toList();
        // Nobody reviews their own break-glass either: supervisor2 does not see their own.
        assertThat(theirs).isEmpty();
        var id = jdbc.queryForObject(
                "select g.id from break_glass_access g join client c on c.id = g.client_id " + "where c.code = ?",
                java.util.UUID.class,
                south.code());
        assertThatThrownBy(() -> reviews.review(id, 0, BreakGlassReview.Outcome.ACKNOWLEDGED, null))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorsCannotReview() {
        assertThatThrownBy(() -> reviews.queue()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> reviews.pendingCount()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorsCannotReview() {
        assertThatThrownBy(() -> reviews.queue()).isInstanceOf(AuthorizationDeniedException.class);
    }

    private BreakGlassReview reviewOf(String code) {
        return reviews.queue().stream()
                .filter(r -> r.clientCode().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
