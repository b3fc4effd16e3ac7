package org.casebook.contacts;

import java.time.Instant;
import java.util.UUID;

/** One entry of a client's contact log. */
public record LogEntry(
        UUID id, Instant at, ContactKind kind, Direction direction, String who, String summary, String recordedBy) {}
