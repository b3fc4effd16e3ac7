package org.casebook.session;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An appointment as lists show it. */
public record AppointmentRow(
        UUID id,
        String clientCode,
        Instant startsAt,
        Instant endsAt,
        Modality modality,
        @Nullable String location,
        @Nullable Attendance outcome,
        NoteState note,
        boolean overdue) {

    public long minutes() {
        return java.time.Duration.between(startsAt, endsAt).toMinutes();
    }
}
