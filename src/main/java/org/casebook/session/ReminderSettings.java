package org.casebook.session;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appointment reminders ({@code casebook.reminders.*}). The message never says what the service is: the
 * sender name, the subject and the text are neutral by default and the charity may change them. The
 * subject and text may use {@code {date}} ("Tuesday 3 Dec"), {@code {time}} ("10:00") and {@code {place}}
 * (the in-person location, or "by video" / "by phone"); nothing else from the record is ever put in.
 *
 * @param senderName the name shown as the sender
 * @param senderAddress the From address (blank: the SMTP account, {@code spring.mail.username})
 * @param dayBeforeAt the default reminder time, on the day before the appointment, in the charity's zone
 * @param maxAttempts attempts before a reminder is shown as failed
 * @param firstRetryAfter the pause after the first failed attempt; it doubles after each further one
 * @param interval how often the sending job looks for due reminders
 */
@ConfigurationProperties("casebook.reminders")
public record ReminderSettings(
        @DefaultValue("Appointments") String senderName,
        @DefaultValue("") String senderAddress,

        @DefaultValue("Appointment reminder: {date}, {time}")
        String subject,

        @DefaultValue("This is a reminder of your appointment on {date} at {time}, {place}.")
        String text,

        @DefaultValue("10:00") LocalTime dayBeforeAt,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5m") Duration firstRetryAfter,
        @DefaultValue("1m") Duration interval) {}
