package org.casebook.session;

import java.time.Instant;
import java.util.UUID;

/** A signed note waiting for its supervisor's review and co-signature. */
public record NoteToCoSign(UUID appointmentId, String clientCode, Instant appointmentAt, String counsellor) {}
