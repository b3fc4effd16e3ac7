package org.casebook.client;

/**
 * Something about a client that needs attention, shown as a chip in the client header on every page about
 * them. The text is fixed wording from the code (never clinical content).
 *
 * @param link where the person goes to act on it (a route such as {@code "plan/AB-CD12"}), or empty
 */
public record ClientAlert(Kind kind, String text, String link) {

    /** In the order the header shows them: danger first. */
    public enum Kind {
        IMMEDIATE_DANGER,
        OPEN_CONCERN,
        REVIEW_OVERDUE,
        NOTE_OVERDUE,
        TRIGGER_DATE_NEAR
    }

    /** Whether the chip is drawn as an error (red) rather than a warning. */
    public boolean urgent() {
        return kind == Kind.IMMEDIATE_DANGER || kind == Kind.OPEN_CONCERN;
    }
}
