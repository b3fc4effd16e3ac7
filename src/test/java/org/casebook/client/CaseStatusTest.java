package org.casebook.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class CaseStatusTest {

    @Autowired
    TestClients testClients;

    @Autowired
    ClientRecords records;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theLifeOfACaseAllowsExactlyTheseMoves() {
        assertThat(CaseStatus.RECEIVED.next()).containsExactlyInAnyOrder(CaseStatus.TRIAGED, CaseStatus.CLOSED);
        assertThat(CaseStatus.TRIAGED.next()).containsExactlyInAnyOrder(CaseStatus.WAITING, CaseStatus.CLOSED);
        assertThat(CaseStatus.WAITING.next()).containsExactlyInAnyOrder(CaseStatus.ASSIGNED, CaseStatus.CLOSED);
        assertThat(CaseStatus.ASSIGNED.next())
                .containsExactlyInAnyOrder(CaseStatus.ACTIVE, CaseStatus.WAITING, CaseStatus.CLOSED);
        assertThat(CaseStatus.ACTIVE.next()).containsExactly(CaseStatus.CLOSED);
        assertThat(CaseStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void everyIllegalMoveIsRefusedWithAClearMessage() {
        for (var from : EnumSet.of(CaseStatus.RECEIVED, CaseStatus.WAITING, CaseStatus.ACTIVE)) {
            for (var to : EnumSet.complementOf(EnumSet.copyOf(from.next()))) {
                if (to == CaseStatus.ASSIGNED || to == CaseStatus.CLOSED) {
                    continue;
                }
                var client = clientIn(from);
                assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> records.moveTo(client.id(), to, null)))
                        .as(from + " -> " + to)
                        .isInstanceOf(IllegalCaseTransition.class)
                        .hasMessageStartingWith("Client " + client.code() + " is "
                                + from.label().toLowerCase());
            }
        }
    }

    @Test
    void aReceivedReferralCannotBeAssignedBeforeTriage() {
        var client = testClients.received("counsellor1");
        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        tx -> records.assign(client.id(), testClients.id("counsellor1"), null, "too early")))
                .isInstanceOf(IllegalCaseTransition.class)
                .hasMessage("Client " + client.code() + " is received and cannot be moved to assigned. "
                        + "From here it can go to: triaged, closed.");
    }

    @Test
    void aClosedCaseStaysClosed() {
        var client = testClients.activeWith("counsellor1");
        transaction.executeWithoutResult(tx -> records.close(client.id(), "COMPLETED", "Completed the programme."));
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> records.close(client.id(), "OTHER", "again")))
                .isInstanceOf(IllegalCaseTransition.class)
                .hasMessageEndingWith("is closed and cannot be closed.");
    }

    @Test
    void eachLegalMoveIsMadeAndTheCaseCanGoBackToWaitingBeforeItStarts() {
        var client = testClients.assignedTo("counsellor1");
        transaction.executeWithoutResult(tx -> records.moveTo(client.id(), CaseStatus.WAITING, "counsellor unwell"));
        transaction.executeWithoutResult(
                tx -> records.assign(client.id(), testClients.id("counsellor2"), null, "cover"));
        transaction.executeWithoutResult(tx -> records.moveTo(client.id(), CaseStatus.ACTIVE, "first session"));
    }

    private CreatedClient clientIn(CaseStatus status) {
        return switch (status) {
            case RECEIVED -> testClients.received("counsellor1");
            case WAITING -> testClients.waiting("counsellor1");
            case ACTIVE -> testClients.activeWith("counsellor1");
            default -> throw new IllegalArgumentException(status.name());
        };
    }
}
