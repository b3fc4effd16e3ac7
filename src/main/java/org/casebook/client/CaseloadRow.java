package org.casebook.client;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One client in a caseload list: the code, never the name. */
public record CaseloadRow(
        ClientId id,
        String code,
        CaseStatus status,
        @Nullable String counsellor,
        @Nullable RiskLevel riskToOthers,
        @Nullable RiskLevel riskToSelf,
        @Nullable Instant nextAppointment,
        @Nullable LocalDate planReviewDue,
        LocalDate receivedOn) {}
