package org.casebook.client;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The client page's content, for a person need-to-know has let in. */
public record ClientDetails(
        ClientAccess access,
        String preferredName,
        @Nullable Integer yearOfBirth,
        @Nullable String postcodeDistrict,
        SafeContact contact,
        LocalDate receivedOn,
        @Nullable Integer priority,
        @Nullable String counsellor,
        RiskFacts.RiskSummary risk,
        @Nullable LocalDate closedOn,
        @Nullable String closureReason,
        @Nullable String closingSummary) {

    public String code() {
        return access.code();
    }

    public CaseStatus status() {
        return access.status();
    }
}
