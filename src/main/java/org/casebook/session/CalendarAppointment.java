package org.casebook.session;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An appointment as the calendar shows it: by client code only, with its series and counsellor. */
public record CalendarAppointment(
        UUID id,
        String clientCode,
        Instant startsAt,
        Instant endsAt,
        Modality modality,
        @Nullable Attendance outcome,
        @Nullable UUID seriesId,
        long counsellorId) {}
