package org.casebook.session;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An appointment falls outside the counsellor's working hours. It is booked (or moved) only when the person
 * confirms: evening sessions happen, but should be chosen, not slipped into.
 */
public class OutsideWorkingHours extends RuntimeException {

    private final List<LocalDateTime> starts;

    OutsideWorkingHours(List<LocalDateTime> starts) {
        super(
                starts.size() == 1
                        ? "This is outside the counsellor's working hours."
                        : starts.size() + " of these appointments are outside the counsellor's working hours.");
        this.starts = List.copyOf(starts);
    }

    /** The local start of each appointment outside working hours. */
    public List<LocalDateTime> starts() {
        return starts;
    }
}
