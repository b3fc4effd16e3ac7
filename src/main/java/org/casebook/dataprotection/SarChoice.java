package org.casebook.dataprotection;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's choice about one item of a subject access export.
 *
 * @param withhold true to withhold (the whole item, or only {@code passage} in it); false to release a
 *     safeguarding item that is left out by default
 */
public record SarChoice(
        UUID id, String itemKey, boolean withhold, @Nullable String passage, String reason, String by) {}
