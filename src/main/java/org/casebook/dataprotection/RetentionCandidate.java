package org.casebook.dataprotection;

import java.time.LocalDate;
import java.util.UUID;

/** A record past its retention date, waiting for a supervisor: the code and the rule, never any content. */
public record RetentionCandidate(UUID id, String clientCode, RetentionRule rule, LocalDate dueOn, LocalDate foundOn) {}
