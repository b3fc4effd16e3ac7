package org.casebook.session;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An appointment to book, in the charity's local time.
 *
 * @param location where an in-person session takes place (required then, sealed when stored)
 */
public record NewAppointment(
        @Nullable LocalDateTime start,
        int durationMinutes,
        @Nullable Modality modality,
        @Nullable String location) {}
