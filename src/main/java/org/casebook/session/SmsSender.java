package org.casebook.session;

/**
 * A charity's text-message provider, for appointment reminders. Casebook ships none: a charity that wants
 * text reminders registers one Spring bean implementing this (README "Reminders"). Without one, a text
 * reminder the client allows is recorded as not sent, "no text provider configured".
 *
 * <p>An implementation must not log the number or the text.
 */
public interface SmsSender {

    /**
     * Sends one text message.
     *
     * @throws RuntimeException when the provider did not accept it; the reminder is then retried
     */
    void send(String phoneNumber, String text);
}
