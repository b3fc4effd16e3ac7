package org.casebook.session;

import java.time.Instant;
import java.util.UUID;

/** A draft was saved: the version to send with the next save. */
public record SavedDraft(UUID noteId, long version, Instant savedAt) {}
