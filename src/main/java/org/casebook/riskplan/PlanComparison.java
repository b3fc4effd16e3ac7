package org.casebook.riskplan;

import java.util.List;

/**
 * Two versions of a plan side by side, section by section: the left shows the older text with removed words
 * marked, the right the newer with added words marked. Segments are plain text; the view escapes them.
 */
public record PlanComparison(int left, int right, List<SectionDiff> sections) {

    public enum Change {
        SAME,
        REMOVED,
        ADDED
    }

    public record Segment(String text, Change change) {}

    public record SectionDiff(String title, List<Segment> left, List<Segment> right) {

        public boolean changed() {
            return left.stream().anyMatch(s -> s.change() != Change.SAME)
                    || right.stream().anyMatch(s -> s.change() != Change.SAME);
        }
    }
}
