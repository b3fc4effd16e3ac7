package org.casebook.dataprotection;

import java.util.List;
import org.casebook.client.HeldItem;

/** One item as the reviewer sees it: its content and the choices made about it so far. */
public record ReviewItem(HeldItem item, List<SarChoice> choices) {

    /** Whether the whole item is withheld. */
    public boolean withheldWhole() {
        return choices.stream().anyMatch(c -> c.withhold() && c.passage() == null);
    }

    /** Whether a safeguarding item has been released (otherwise it is left out). */
    public boolean released() {
        return choices.stream().anyMatch(c -> !c.withhold());
    }

    /** Whether the export will include the item at all. */
    public boolean included() {
        return !item.safeguarding() || released();
    }
}
