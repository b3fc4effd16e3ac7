package org.casebook.dataprotection;

import java.time.Instant;
import org.casebook.client.PersonalDetail;
import org.jspecify.annotations.Nullable;

/** One correction of a personal detail, with the value it replaced: the record's rectification history. */
public record RectificationRow(
        PersonalDetail detail, @Nullable String oldValue, String reason, String correctedBy, Instant correctedAt) {}
