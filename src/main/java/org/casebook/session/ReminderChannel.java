package org.casebook.session;

/** How a client is reminded of an appointment: each channel only where their safe-contact instructions allow it. */
public enum ReminderChannel {
    EMAIL("Email"),
    TEXT("Text message");

    private final String label;

    ReminderChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
