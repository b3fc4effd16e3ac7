package org.casebook.riskplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.casebook.riskplan.ConcernCategory;
import org.casebook.riskplan.ConcernRow;
import org.casebook.riskplan.ConcernStatus;
import org.junit.jupiter.api.Test;

class ConcernWaitingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final ConcernWaiting waiting = new ConcernWaiting(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

    private static ConcernRow row(boolean immediate, ConcernStatus status, Duration ago) {
        return new ConcernRow(
                UUID.randomUUID(),
                "ABC-DEF",
                ConcernCategory.CHILD_AT_RISK,
                immediate,
                status,
                LocalDate.of(2026, 11, 28),
                NOW.minus(ago),
                null,
                null,
                true);
    }

    @Test
    void anImmediateDangerConcernUndecidedForMoreThanTheConfiguredHourIsEscalated() {
        assertThat(waiting.escalated(row(true, ConcernStatus.OPEN, Duration.ofMinutes(61))))
                .isTrue();
        assertThat(waiting.escalated(row(true, ConcernStatus.OPEN, Duration.ofMinutes(59))))
                .isFalse();
        assertThat(waiting.escalated(row(false, ConcernStatus.OPEN, Duration.ofHours(5))))
                .isFalse();
        assertThat(waiting.escalated(row(true, ConcernStatus.DECIDED, Duration.ofHours(5))))
                .isFalse();
    }

    @Test
    void theWaitIsSaidInWordsAndEndsWithTheDecision() {
        assertThat(waiting.inWords(row(true, ConcernStatus.OPEN, Duration.ofMinutes(125))))
                .isEqualTo("2 h 5 min");
        assertThat(waiting.inWords(row(false, ConcernStatus.OPEN, Duration.ofHours(50))))
                .isEqualTo("2 days 2 h");
        assertThat(waiting.inWords(row(false, ConcernStatus.OPEN, Duration.ofMinutes(45))))
                .isEqualTo("45 min");
        assertThat(waiting.inWords(row(false, ConcernStatus.DECIDED, Duration.ofHours(3))))
                .isEmpty();
    }
}
