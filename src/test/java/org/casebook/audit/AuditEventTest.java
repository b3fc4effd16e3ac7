package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void valuesLongerThanTheirColumnAreShortenedWithAHashOfTheWhole() {
        var path = "/clients/" + "A".repeat(3000);
        var event = AuditEvent.of(AuditAction.ACCESS_DENIED, "view", path).forClient("C".repeat(100));

        assertThat(event.recordId())
                .hasSize(AuditEvent.MAX_RECORD_ID)
                .startsWith("/clients/AAAA")
                .contains("~");
        assertThat(event.clientRef()).hasSize(AuditEvent.MAX_CLIENT_REF);
        // Two long values that share their beginning stay apart; the same value always gives the same text.
        assertThat(AuditEvent.fit(path + "B", 64)).isNotEqualTo(event.recordId());
        assertThat(AuditEvent.fit(path, 64)).isEqualTo(event.recordId());
    }

    @Test
    void valuesThatFitAreKeptAsTheyAre() {
        var event = AuditEvent.of(AuditAction.VIEW, "client", "K7Q2M4").forClient("K7Q2M4");
        assertThat(event.recordId()).isEqualTo("K7Q2M4");
        assertThat(AuditEvent.fit("x".repeat(64), 64)).isEqualTo("x".repeat(64));
    }

    @Test
    void shorteningNeverSplitsACharacterOutsideTheBasicPlane() {
        var fitted = AuditEvent.fit("a".repeat(50) + "\uD83D\uDE00".repeat(20), 64);
        assertThat(fitted).hasSizeLessThanOrEqualTo(64);
        assertThat(Character.isHighSurrogate(fitted.charAt(fitted.indexOf('~') - 1)))
                .isFalse();
    }
}
