package org.casebook.client;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Who a new client is and how they may safely be contacted, as recorded at intake. Free text here is
 * personal data and is sealed before it is stored.
 *
 * @param teamId the team whose waiting list the case joins
 */
public record NewClient(
        LocalDate receivedOn,
        String preferredName,
        @Nullable Integer yearOfBirth,
        @Nullable String postcodeDistrict,
        SafeContact contact,
        @Nullable Long teamId) {}
