package org.casebook.riskplan;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.casebook.riskplan.PlanComparison.Change;
import org.casebook.riskplan.PlanComparison.SectionDiff;
import org.casebook.riskplan.PlanComparison.Segment;
import org.jspecify.annotations.Nullable;

/** Word-level differences between two versions of a plan (java-diff-utils' Myers diff on word tokens). */
final class PlanDiff {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private PlanDiff() {}

    static List<SectionDiff> compare(PlanContent older, PlanContent newer) {
        var sections = new ArrayList<SectionDiff>();
        for (int i = 0; i < PlanContent.TITLES.size(); i++) {
            sections.add(section(
                    PlanContent.TITLES.get(i),
                    older.texts().get(i),
                    newer.texts().get(i)));
        }
        sections.add(section("Agreed actions", actions(older), actions(newer)));
        return sections;
    }

    static SectionDiff section(String title, @Nullable String older, @Nullable String newer) {
        var a = tokens(older);
        var b = tokens(newer);
        var patch = DiffUtils.diff(a, b);
        var left = new ArrayList<Segment>();
        var right = new ArrayList<Segment>();
        int ai = 0;
        int bi = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int sourceAt = delta.getSource().getPosition();
            int targetAt = delta.getTarget().getPosition();
            add(left, String.join("", a.subList(ai, sourceAt)), Change.SAME);
            add(right, String.join("", b.subList(bi, targetAt)), Change.SAME);
            add(left, String.join("", delta.getSource().getLines()), Change.REMOVED);
            add(right, String.join("", delta.getTarget().getLines()), Change.ADDED);
            ai = sourceAt + delta.getSource().size();
            bi = targetAt + delta.getTarget().size();
        }
        add(left, String.join("", a.subList(ai, a.size())), Change.SAME);
        add(right, String.join("", b.subList(bi, b.size())), Change.SAME);
        return new SectionDiff(title, List.copyOf(left), List.copyOf(right));
    }

    private static void add(List<Segment> segments, String text, Change change) {
        if (!text.isEmpty()) {
            segments.add(new Segment(text, change));
        }
    }

    private static List<String> tokens(@Nullable String text) {
        var tokens = new ArrayList<String>();
        if (text == null) {
            return tokens;
        }
        var matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static String actions(PlanContent content) {
        var lines = new StringBuilder();
        content.actions().forEach(a -> lines.append(a.asLine()).append('\n'));
        return lines.toString();
    }
}
