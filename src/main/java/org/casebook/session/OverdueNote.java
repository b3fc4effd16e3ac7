package org.casebook.session;

import java.time.Instant;
import java.util.UUID;

/** An attended session whose note is still unsigned more than 72 hours later. */
public record OverdueNote(
        UUID appointmentId, String clientCode, Instant appointmentAt, long counsellorId, String counsellor) {}
