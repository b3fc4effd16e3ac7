package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.casebook.MutableClock;
import org.casebook.PostgresTest;
import org.casebook.client.ClientRecords;
import org.casebook.client.SafeContact;
import org.casebook.client.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, two senders at once (as two instances would be, were the job's lock ever lost) send a due
 * reminder once: the row is locked while it is handled.
 */
@TestPropertySource(
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "casebook.reminders.sender-address=reminders@example.invalid",
            "casebook.reminders.interval=1h"
        })
@Import(MutableClock.Config.class)
class RemindersTwoInstancesPostgresTest extends PostgresTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

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

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("counsellor1")
    void twoSendersAtOnceSendADueReminderOnlyOnce() throws Exception {
        var client = testClients.assignedTo("counsellor1");
        transaction.executeWithoutResult(tx -> records.updateContact(
                client.id(),
                new SafeContact(null, "two.senders@example.invalid", null, false, false, false, true, null, null)));
        var start = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/London")))
                .plusDays(3)
                .withHour(21)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        var row = appointments.book(client.code(), new NewAppointment(start, 50, Modality.VIDEO, null), true, true);
        var due = reminders.ofAppointment(row.id()).getFirst().dueAt();
        clock.advance(Duration.between(clock.instant(), due).plusSeconds(1));

        var barrier = new CyclicBarrier(2);
        Runnable sender = () -> {
            try {
                barrier.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            delivery.sendDue(500);
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(sender), CompletableFuture.runAsync(sender))
                .get();

        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("two.senders@example.invalid");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select attempts from appointment_reminder where appointment_id = ? "
                                + "and channel = 'EMAIL' and state = 'SENT'",
                        Integer.class,
                        row.id()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where record_type = 'appointment-reminder' "
                                + "and record_id = ? and reason = 'email sent'",
                        Long.class,
                        row.id().toString()))
                .isEqualTo(1);
    }
}
