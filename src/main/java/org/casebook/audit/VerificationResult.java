package org.casebook.audit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying the audit log.
 *
 * @param intact whether nothing was added, changed, removed, reordered or cut off
 * @param entriesChecked every entry read, chained or not
 * @param firstBrokenSeq the first entry found broken (or the entry after a missing one)
 * @param message one sentence (or two) for a person
 * @param unchained entries committed but not yet in a block
 * @param overdue unchained entries written longer ago than the chaining bound
 * @param chainBound how long an entry may wait to be chained before it is reported
 */
public record VerificationResult(
        boolean intact,
        long entriesChecked,
        long anchorsChecked,
        @Nullable Long firstBrokenSeq,
        @Nullable ChainProblem problem,
        String message,
        Duration took,
        long unchained,
        long overdue,
        Duration chainBound) {

    static VerificationResult intact(
            long entries, long anchors, long unchained, long overdue, Duration bound, Duration took) {
        return new VerificationResult(
                true,
                entries,
                anchors,
                null,
                null,
                "The audit log is intact: %s and %s verified%s."
                                .formatted(
                                        count(entries, "entry", "entries"),
                                        count(anchors, "anchor", "anchors"),
                                        waiting(unchained))
                        + late(overdue, bound),
                took,
                unchained,
                overdue,
                bound);
    }

    static VerificationResult broken(
            long entries,
            long anchors,
            long seq,
            ChainProblem problem,
            String message,
            long unchained,
            long overdue,
            Duration bound,
            Duration took) {
        return new VerificationResult(
                false, entries, anchors, seq, problem, message + late(overdue, bound), took, unchained, overdue, bound);
    }

    private static String waiting(long unchained) {
        return unchained == 0 ? "" : "; %s not yet chained".formatted(count(unchained, "entry", "entries"));
    }

    static String late(long overdue, Duration bound) {
        return overdue == 0
                ? ""
                : " %s waited longer than %d s to be chained: is the sequencer running?"
                        .formatted(count(overdue, "entry has", "entries have"), bound.toSeconds());
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
