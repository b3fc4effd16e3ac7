package org.casebook.client;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Entries another module adds to a client's case history (the contact log, for example), as a Spring bean.
 * {@link ClientService#history} asks every source after need-to-know has let the person in, and audits the
 * view once; a source only reads.
 */
public interface CaseHistorySource {

    /**
     * One entry.
     *
     * @param byStaff who recorded it
     * @param detail clinical text, shown in brackets (never log it)
     */
    record Item(
            Instant at,
            String what,
            @Nullable Long byStaff,
            @Nullable String detail) {}

    List<Item> historyOf(ClientId client);
}
