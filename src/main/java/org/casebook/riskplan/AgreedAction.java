package org.casebook.riskplan;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One agreed action of a plan: what, who, by when, and whether it is done. */
public record AgreedAction(
        String what, @Nullable String who, @Nullable LocalDate byWhen, boolean done) {

    /** One line, for comparing versions and the PDF. */
    public String asLine() {
        return what + " | who: " + (who == null || who.isBlank() ? "-" : who) + " | by: "
                + (byWhen == null ? "-" : byWhen.toString()) + " | " + (done ? "done" : "not done");
    }
}
