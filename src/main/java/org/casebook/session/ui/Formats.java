package org.casebook.session.ui;

import java.time.format.DateTimeFormatter;

/** How times appear on the session pages. */
final class Formats {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm");

    private Formats() {}
}
