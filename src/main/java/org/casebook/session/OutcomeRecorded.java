package org.casebook.session;

/**
 * The outcome was recorded.
 *
 * @param firstSession this was the client's first attended session: the case is now active, and the
 *     limits-of-confidentiality agreement should be recorded next
 */
public record OutcomeRecorded(String clientCode, Attendance outcome, boolean firstSession) {}
