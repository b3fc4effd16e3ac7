package org.casebook.session;

import java.time.Instant;

/** An addendum under a note: who signed it, when, and what it says. */
public record AddendumRow(String author, Instant signedAt, String text) {}
