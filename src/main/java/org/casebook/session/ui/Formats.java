package org.casebook.session.ui;

import java.time.format.DateTimeFormatter;

/** How times appear on the session pages: the one formatter, {@link org.casebook.ui.Dates}. */
final class Formats {

    static final DateTimeFormatter WHEN = org.casebook.ui.Dates.WHEN;
    static final DateTimeFormatter DAY = org.casebook.ui.Dates.DAY;
    static final DateTimeFormatter SHORT = org.casebook.ui.Dates.WHEN;

    private Formats() {}
}
