package org.casebook.dataprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a subject access export releases, after the review: redactions already applied, safeguarding items not
 * released already left out. The PDF and the JSON are both rendered from this one value, so they cannot differ.
 */
record SarDocument(
        String clientCode,
        LocalDate receivedOn,
        LocalDate dueOn,
        LocalDate producedOn,
        List<Section> sections,
        List<Access> accessLog) {

    record Section(String title, List<Entry> entries) {}

    /**
     * One released item.
     *
     * @param text what is released (withheld passages replaced by a marker); null when empty or withheld whole
     * @param withheld why something of this item was withheld, or null when nothing was
     */
    record Entry(
            String label, @Nullable String text, @Nullable String withheld) {}

    record Access(Instant at, String who, String roles, String action, String outcome) {}
}
