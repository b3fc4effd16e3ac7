package org.casebook.client;

import java.time.LocalDate;

/**
 * Published (synchronously, inside the reporting transaction) when a referral or a record discloses an
 * identifiable child at risk. The safeguarding workflow listens and opens a concern at once; the event
 * carries what was learned so the concern can be recorded in the same transaction.
 *
 * @param whatWasLearned clinical text: never log it
 * @param source where it was learned, e.g. {@code "referral"}
 */
public record ChildAtRiskReported(
        ClientId client,
        String clientCode,
        String whatWasLearned,
        boolean immediateDanger,
        LocalDate learnedOn,
        String source) {

    @Override
    public String toString() {
        return "ChildAtRiskReported[" + clientCode + ", from " + source + "]";
    }
}
