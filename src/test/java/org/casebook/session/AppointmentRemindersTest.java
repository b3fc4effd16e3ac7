package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.casebook.MutableClock;
import org.casebook.client.CreatedClient;
import org.casebook.client.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/** Appointment reminders against a real SMTP server (GreenMail): who gets one, what it says, what is recorded. */
@SpringBootTest(
        properties = {
            "spring.mail.host=localhost",
            "spring.mail.port=3025",
            "casebook.reminders.sender-address=reminders@example.invalid",
            "casebook.reminders.interval=1h",
            "casebook.reminders.max-attempts=3"
        })
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class AppointmentRemindersTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    AppointmentService appointments;

    @Autowired
    ReminderService reminderService;

    @Autowired
    ReminderDelivery delivery;

    @Autowired
    TestClients testClients;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private final ZoneId zone = ZoneId.of("Europe/London");

    private LocalDateTime inDays(int days, int hour) {
        return LocalDateTime.now(clock.withZone(zone))
                .plusDays(days)
                .withHour(hour)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
    }

    @Autowired
    org.casebook.client.ClientRecords records;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    /** A client of counsellor1 with an address of their own and the given channels allowed. */
    private CreatedClient clientAllowing(boolean email, boolean text) {
        var client = testClients.assignedTo("counsellor1");
        transaction.executeWithoutResult(tx -> records.updateContact(
                client.id(),
                new org.casebook.client.SafeContact(
                        "07700 900000", address(client), null, true, text, false, email, "Weekday evenings", null)));
        return client;
    }

    private static String address(CreatedClient client) {
        return client.code().toLowerCase(java.util.Locale.ROOT) + "@example.invalid";
    }

    private List<jakarta.mail.internet.MimeMessage> receivedBy(CreatedClient client) {
        return List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address(client));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** Books an in-person session in three days and moves the clock to its reminder time. */
    private AppointmentRow bookAndReachReminderTime(CreatedClient client, int hour) {
        var row = appointments.book(
                client.code(),
                new NewAppointment(inDays(3, hour), 50, Modality.IN_PERSON, "Room 4, Calder House"),
                true,
                true);
        var due = reminderService.ofAppointment(row.id()).getFirst().dueAt();
        clock.advance(Duration.between(clock.instant(), due).plusSeconds(1));
        return row;
    }

    private ReminderRow reminder(UUID appointment, ReminderChannel channel) {
        return reminderService.ofAppointment(appointment).stream()
                .filter(r -> r.channel() == channel)
                .findFirst()
                .orElseThrow();
    }

    private List<String> auditReasons(UUID appointment) {
        return jdbc.queryForList(
                "select reason from audit_entry where record_type = 'appointment-reminder' and "
                        + "record_id = ? and reason is not null order by occurred_at_ms",
                String.class,
                appointment.toString());
    }

    @Test
    @WithUserDetails("counsellor1")
    void aRemindersIsDueTheDayBeforeAtTheSetHourInTheCharitysZone() {
        var client = clientAllowing(true, false);
        var row = appointments.book(
                client.code(), new NewAppointment(inDays(4, 19), 50, Modality.VIDEO, null), true, true);
        var due = reminder(row.id(), ReminderChannel.EMAIL).dueAt().atZone(zone);
        assertThat(due.toLocalDate()).isEqualTo(inDays(3, 0).toLocalDate());
        assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(10, 0));
    }

    @Test
    @WithUserDetails("counsellor1")
    void anAllowedEmailReminderIsSentAndSaysNothingButDateTimeAndPlace() throws Exception {
        var client = clientAllowing(true, false);
        var row = bookAndReachReminderTime(client, 18);
        delivery.sendDue(500);

        assertThat(reminder(row.id(), ReminderChannel.EMAIL).state()).isEqualTo(ReminderState.SENT);
        var received = receivedBy(client);
        assertThat(received).hasSize(1);
        var message = received.getFirst();
        var at = row.startsAt().atZone(zone);
        var expectedSubject = "Appointment reminder: "
                + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", java.util.Locale.UK)
                        .format(at);
        assertThat(message.getSubject()).isEqualTo(expectedSubject);
        assertThat(message.getFrom()[0].toString()).contains("Appointments").contains("reminders@example.invalid");
        var whole = message.getSubject() + "\n" + message.getFrom()[0] + "\n" + GreenMailUtil.getBody(message);
        assertThat(whole)
                .contains("Room 4, Calder House")
                .doesNotContain(
                        client.code(),
                        client.code().toLowerCase(java.util.Locale.ROOT),
                        "Test Person",
                        "fictional",
                        "Northbridge",
                        "Prevention",
                        "counsel",
                        "Counsel",
                        "therapy",
                        "Weekday evenings",
                        "07700");
    }

    @Test
    @WithUserDetails("counsellor1")
    void noReminderGoesWhereTheClientHasNotAllowedItEvenWithAnAddressOnFile() {
        var client = clientAllowing(false, false);
        var row = bookAndReachReminderTime(client, 19);
        delivery.sendDue(500);

        assertThat(receivedBy(client)).isEmpty();
        assertThat(reminderService.ofAppointment(row.id())).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ReminderState.SUPPRESSED);
            assertThat(r.reason()).isEqualTo(ReminderDelivery.NO_CONSENT);
        });
        assertThat(auditReasons(row.id())).contains("email not sent: no consent", "text not sent: no consent");
    }

    @Test
    @WithUserDetails("counsellor1")
    void anAllowedChannelWithoutAnAddressOrProviderIsRecordedAsNotSentWithTheReason() {
        var client = clientAllowing(true, true);
        transaction.executeWithoutResult(tx -> records.updateContact(
                client.id(),
                new org.casebook.client.SafeContact("07700 900000", null, null, false, true, false, true, null, null)));
        var row = bookAndReachReminderTime(client, 20);
        delivery.sendDue(500);

        assertThat(reminder(row.id(), ReminderChannel.EMAIL).reason()).isEqualTo(ReminderDelivery.NO_ADDRESS);
        assertThat(reminder(row.id(), ReminderChannel.TEXT).reason()).isEqualTo(ReminderDelivery.NO_TEXT_PROVIDER);
        assertThat(reminder(row.id(), ReminderChannel.TEXT).summary())
                .isEqualTo("Text message: not sent (no text provider configured)");
        var audit = String.join("\n", auditReasons(row.id()));
        assertThat(audit)
                .contains("email not sent: no address", "text not sent: no text provider configured")
                .doesNotContain("@", "07700", "Calder");
    }

    @Test
    @WithUserDetails("counsellor1")
    void aFailedSendIsRetriedWithBackoffAndSucceedsOnceTheServerIsBack() {
        var client = clientAllowing(true, false);
        var row = bookAndReachReminderTime(client, 21);
        smtp.stop();
        try {
            delivery.sendDue(500);
        } finally {
            smtp.start();
        }
        var failed = reminder(row.id(), ReminderChannel.EMAIL);
        assertThat(failed.state()).isEqualTo(ReminderState.RETRYING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("mail server unreachable");
        assertThat(auditReasons(row.id())).contains("email failed: mail server unreachable, will retry");

        delivery.sendDue(500);
        assertThat(reminder(row.id(), ReminderChannel.EMAIL).state())
                .as("not before the pause")
                .isEqualTo(ReminderState.RETRYING);

        clock.advance(Duration.ofMinutes(6));
        delivery.sendDue(500);
        var sent = reminder(row.id(), ReminderChannel.EMAIL);
        assertThat(sent.state()).isEqualTo(ReminderState.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(receivedBy(client)).hasSize(1);
        assertThat(auditReasons(row.id())).contains("email sent");
    }

    @Test
    @WithUserDetails("counsellor1")
    void aReminderThatKeepsFailingIsShownToTheCounsellorAsFailed() {
        var client = clientAllowing(true, false);
        var row = bookAndReachReminderTime(client, 22);
        smtp.stop();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                delivery.sendDue(500);
                clock.advance(Duration.ofMinutes(25));
            }
        } finally {
            smtp.start();
        }
        var failed = reminder(row.id(), ReminderChannel.EMAIL);
        assertThat(failed.state()).isEqualTo(ReminderState.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(reminderService.myFailed())
                .extracting(ReminderRow::appointmentId)
                .contains(row.id());
        assertThat(auditReasons(row.id())).contains("email failed: mail server unreachable, gave up");
    }

    @Test
    @WithUserDetails("counsellor1")
    void theCounsellorSetsTheReminderTimeButNotAfterTheAppointmentStarts() {
        var client = clientAllowing(true, false);
        var row = appointments.book(
                client.code(), new NewAppointment(inDays(5, 18), 50, Modality.PHONE, null), true, true);
        var at = inDays(5, 8);
        Instant due = reminderService.setReminderTime(row.id(), at);
        assertThat(reminderService.ofAppointment(row.id()))
                .allSatisfy(r -> assertThat(r.dueAt()).isEqualTo(due));
        assertThat(due.atZone(zone).toLocalDateTime()).isEqualTo(at);
        assertThatThrownBy(() -> reminderService.setReminderTime(row.id(), inDays(5, 19)))
                .hasMessage(ReminderService.REMIND_BEFORE_START);
    }
}
