package org.casebook.audit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying the audit chain.
 *
 * @param firstBrokenSeq the first entry found broken (or the first missing one)
 * @param message one sentence for a person
 */
public record VerificationResult(
        boolean intact,
        long entriesChecked,
        long anchorsChecked,
        @Nullable Long firstBrokenSeq,
        @Nullable ChainProblem problem,
        String message,
        Duration took) {

    static VerificationResult intact(long entries, long anchors, Duration took) {
        return new VerificationResult(true, entries, anchors, null, null,
                "The audit log is intact: %s and %s verified.".formatted(count(entries, "entry", "entries"),
                        count(anchors, "anchor", "anchors")), took);
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static VerificationResult broken(long entries, long anchors, long seq, ChainProblem problem, String message,
            Duration took) {
        return new VerificationResult(false, entries, anchors, seq, problem, message, took);
    }
}
