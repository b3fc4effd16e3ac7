package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.casebook.MutableClock;
import org.casebook.client.ClientRecords;
import org.casebook.client.SafeContact;
import org.casebook.client.TestClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo profile has no SMTP server: an allowed email reminder is recorded as not sent, nothing fails. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class RemindersWithoutAMailServerTest {

    @Autowired
    AppointmentService appointments;

    @Autowired
    ReminderService reminders;

    @Autowired
    ReminderDelivery delivery;

    @Autowired
    TestClients testClients;

    @Autowired
    ClientRecords records;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MutableClock clock;

    @Test
    @WithUserDetails("counsellor1")
    void anAllowedEmailReminderIsRecordedAsNotSentBecauseNoMailServerIsConfigured() {
        var client = testClients.assignedTo("counsellor1");
        transaction.executeWithoutResult(tx -> records.updateContact(
                client.id(),
                new SafeContact(null, "no.server@example.invalid", null, false, false, false, true, null, null)));
        var start = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/London")))
                .plusDays(3)
                .withHour(21)
                .withMinute(30)
                .withSecond(0)
                .withNano(0);
        var row = appointments.book(client.code(), new NewAppointment(start, 50, Modality.VIDEO, null), true, true);
        var due = reminders.ofAppointment(row.id()).getFirst().dueAt();
        clock.advance(Duration.between(clock.instant(), due).plusSeconds(1));

        delivery.sendDue(500);

        var email = reminders.ofAppointment(row.id()).stream()
                .filter(r -> r.channel() == ReminderChannel.EMAIL)
                .findFirst()
                .orElseThrow();
        assertThat(email.state()).isEqualTo(ReminderState.SUPPRESSED);
        assertThat(email.summary()).isEqualTo("Email: not sent (no mail server configured)");
        assertThat(email.attempts()).isZero();
    }
}
