package org.casebook.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A supervision record opened by its supervisor or its counsellor.
 *
 * @param editable whether the signed-in person may change it (its supervisor)
 */
public record SupervisionRecordDetails(
        UUID id,
        long version,
        LocalDate heldOn,
        long supervisorId,
        String supervisorName,
        long counsellorId,
        String counsellorName,
        List<String> clientCodes,
        String discussion,
        @Nullable String agreedActions,
        Instant updatedAt,
        boolean editable) {}
