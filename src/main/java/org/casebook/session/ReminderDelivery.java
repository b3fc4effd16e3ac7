package org.casebook.session;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.ClientId;
import org.casebook.client.ClientRecords;
import org.casebook.client.SafeContact;
import org.casebook.encryption.FieldEncryption;
import org.casebook.time.CharityClock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the reminders that are due, each in a transaction of its own, and records what became of it.
 * A channel is used only when the client's safe-contact instructions allow it and an address and a
 * provider exist; otherwise the reminder is recorded as not sent, with the reason. The message carries
 * the date, time and place only. A failed send is tried again after a pause that doubles, up to
 * {@code casebook.reminders.max-attempts}, then shown to the counsellor as failed. Each reminder is locked
 * (select ... for update) while it is handled, so two instances never send the same one twice. Logs and the audit
 * never hold the address or the text.
 */
@Component
class ReminderDelivery {

    static final String NO_CONSENT = "no consent";
    static final String NO_ADDRESS = "no address";
    static final String NO_MAIL_SERVER = "no mail server configured";
    static final String NO_TEXT_PROVIDER = "no text provider configured";
    static final String CANCELLED = "appointment cancelled";
    static final String PASSED = "appointment already started";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    private final AppointmentReminderRepository reminders;
    private final AppointmentRepository appointments;
    private final ClientRecords records;
    private final FieldEncryption encryption;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<SmsSender> texts;
    private final ReminderSettings settings;
    private final CharityClock charity;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final @Nullable String mailUsername;

    ReminderDelivery(
            AppointmentReminderRepository reminders,
            AppointmentRepository appointments,
            ClientRecords records,
            FieldEncryption encryption,
            ObjectProvider<JavaMailSender> mail,
            ObjectProvider<SmsSender> texts,
            ReminderSettings settings,
            CharityClock charity,
            AuditLog audit,
            PlatformTransactionManager transactions,
            @Value("${spring.mail.username:}") @Nullable String mailUsername) {
        this.reminders = reminders;
        this.appointments = appointments;
        this.records = records;
        this.encryption = encryption;
        this.mail = mail;
        this.texts = texts;
        this.settings = settings;
        this.charity = charity;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.mailUsername = mailUsername;
    }

    /** Sends (or settles) every reminder due now, at most {@code limit}; returns how many it handled. */
    int sendDue(int limit) {
        var due = transactions.execute(tx -> reminders.findDue(charity.now().toInstant(), PageRequest.of(0, limit)));
        int handled = 0;
        for (var id : due == null ? java.util.List.<UUID>of() : due) {
            try {
                transactions.executeWithoutResult(tx -> handle(id));
                handled++;
            } catch (org.springframework.dao.OptimisticLockingFailureException taken) {
                log.info("Reminder {} was handled elsewhere meanwhile", id);
            }
        }
        return handled;
    }

    private void handle(UUID id) {
        // Locked first: with two instances (or a run overlapping a late one) only one sends it.
        var reminder = reminders.lockById(id).orElse(null);
        var now = charity.now().toInstant();
        if (reminder == null
                || !reminder.open()
                || reminder.nextAttemptAt() == null
                || reminder.nextAttemptAt().isAfter(now)) {
            return;
        }
        var appointment = appointments.findById(reminder.appointmentId()).orElseThrow();
        if (appointment.outcome() != null && appointment.outcome().name().startsWith("CANCELLED")) {
            settle(reminder, appointment, CANCELLED, now);
            return;
        }
        if (!appointment.startsAt().isAfter(now)) {
            settle(reminder, appointment, PASSED, now);
            return;
        }
        var contact = records.contactForReminder(new ClientId(appointment.clientId()));
        var why = refusal(reminder.channel(), contact);
        if (why != null) {
            settle(reminder, appointment, why, now);
            return;
        }
        try {
            send(reminder.channel(), contact, appointment);
            reminder.sent(now);
            audit.record(event(AuditAction.REMINDER_SENT, reminder, appointment, channelName(reminder) + " sent"));
        } catch (RuntimeException failed) {
            var category = category(failed);
            boolean retry = reminder.attempts() + 1 < settings.maxAttempts();
            var retryAt = retry
                    ? now.plus(settings.firstRetryAfter().multipliedBy(1L << Math.min(reminder.attempts(), 16)))
                    : null;
            reminder.attemptFailed(category, retryAt, now);
            log.warn(
                    "Reminder {} attempt {} failed ({}){}",
                    id,
                    reminder.attempts(),
                    category,
                    retry ? ", will retry" : ", giving up");
            audit.record(event(
                    AuditAction.REMINDER_FAILED,
                    reminder,
                    appointment,
                    channelName(reminder) + " failed: " + category + (retry ? ", will retry" : ", gave up")));
        }
    }

    /** Why this channel may not be used for this client, or null when it may. */
    private @Nullable String refusal(ReminderChannel channel, SafeContact contact) {
        return switch (channel) {
            case EMAIL ->
                !contact.emailOk()
                        ? NO_CONSENT
                        : isBlank(contact.email()) ? NO_ADDRESS : mail.getIfAvailable() == null ? NO_MAIL_SERVER : null;
            case TEXT ->
                !contact.textOk()
                        ? NO_CONSENT
                        : isBlank(contact.phone())
                                ? NO_ADDRESS
                                : texts.getIfAvailable() == null ? NO_TEXT_PROVIDER : null;
        };
    }

    private void send(ReminderChannel channel, SafeContact contact, Appointment appointment) {
        var subject = fill(settings.subject(), appointment);
        var text = fill(settings.text(), appointment);
        switch (channel) {
            case EMAIL -> {
                var sender = mail.getObject();
                var message = sender.createMimeMessage();
                try {
                    var helper = new MimeMessageHelper(message, false, "UTF-8");
                    var from = settings.senderAddress().isBlank() ? mailUsername : settings.senderAddress();
                    if (isBlank(from)) {
                        throw new IllegalStateException("no sender address");
                    }
                    helper.setFrom(new InternetAddress(from, settings.senderName(), "UTF-8"));
                    helper.setTo(java.util.Objects.requireNonNull(contact.email()));
                    helper.setSubject(subject);
                    helper.setText(text);
                } catch (jakarta.mail.MessagingException | UnsupportedEncodingException invalid) {
                    throw new IllegalStateException("message not composed", invalid);
                }
                sender.send(message);
            }
            case TEXT -> texts.getObject().send(java.util.Objects.requireNonNull(contact.phone()), text);
        }
    }

    /** The template with the date, time and place: nothing else from the record. */
    String fill(String template, Appointment appointment) {
        var at = appointment.startsAt().atZone(charity.zone());
        return template.replace("{date}", DATE.format(at))
                .replace("{time}", TIME.format(at))
                .replace("{place}", place(appointment));
    }

    private String place(Appointment appointment) {
        return switch (appointment.modality()) {
            case VIDEO -> "by video";
            case PHONE -> "by phone";
            case IN_PERSON -> {
                var sealed = appointment.location();
                var open = sealed == null
                        ? null
                        : encryption.open(sealed, SessionColumns.LOCATION.forRow(appointment.id()));
                yield open == null ? "in person" : "at " + open;
            }
        };
    }

    private void settle(AppointmentReminder reminder, Appointment appointment, String why, Instant now) {
        reminder.suppressed(why, now);
        audit.record(event(
                AuditAction.REMINDER_NOT_SENT, reminder, appointment, channelName(reminder) + " not sent: " + why));
    }

    private static AuditEvent event(
            AuditAction action, AppointmentReminder reminder, Appointment appointment, String why) {
        return AuditEvent.of(action, "appointment-reminder", appointment.id().toString())
                .forClient(appointment.clientCode())
                .because(why);
    }

    private static String channelName(AppointmentReminder reminder) {
        return reminder.channel() == ReminderChannel.EMAIL ? "email" : "text";
    }

    /** A category for the counsellor and the log; never the exception's message (it may hold the address). */
    static String category(RuntimeException failed) {
        if (failed instanceof MailAuthenticationException) {
            return "mail server refused sign-in";
        }
        if (failed instanceof MailSendException send
                && send.getFailedMessages().values().stream()
                        .anyMatch(e -> e instanceof jakarta.mail.SendFailedException)) {
            return "address refused";
        }
        if (failed instanceof MailException) {
            return "mail server unreachable";
        }
        if (failed instanceof IllegalStateException && "no sender address".equals(failed.getMessage())) {
            return "no sender address configured";
        }
        return "provider error";
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
