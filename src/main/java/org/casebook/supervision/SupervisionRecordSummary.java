package org.casebook.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A supervision record in a list: when, who, and which clients (by code); no text. */
public record SupervisionRecordSummary(
        UUID id, LocalDate heldOn, String supervisorName, String counsellorName, List<String> clientCodes) {}
