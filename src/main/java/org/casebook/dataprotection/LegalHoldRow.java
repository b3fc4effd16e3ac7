package org.casebook.dataprotection;

import java.time.Instant;
import java.util.UUID;

/** A legal hold in force on a client of the supervisor's team. */
public record LegalHoldRow(UUID id, String clientCode, String reason, String placedBy, Instant placedAt) {}
