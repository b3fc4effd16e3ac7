package org.casebook.session;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reminder as the counsellor sees it: channel, due time, state, why it was not sent, attempts and the
 * category of the last error. Never the address or the text.
 */
public record ReminderRow(
        UUID appointmentId,
        @Nullable String clientCode,
        ReminderChannel channel,
        Instant dueAt,
        ReminderState state,
        @Nullable String reason,
        int attempts,
        @Nullable String lastError,
        @Nullable Instant startsAt) {

    /** One line for lists: "Email: not sent (no consent)". */
    public String summary() {
        var text = channel.label() + ": " + state.label().toLowerCase(java.util.Locale.ROOT);
        if (reason != null) {
            text += " (" + reason + ")";
        } else if (lastError != null) {
            text += " (" + lastError + ", " + attempts + (attempts == 1 ? " attempt)" : " attempts)");
        }
        return text;
    }
}
