package org.casebook.session.ui;

import com.vaadin.flow.component.Html;
import java.util.List;
import java.util.Locale;
import org.casebook.session.Core10;
import org.casebook.session.Core10Result;

/**
 * A small line chart of a client's CORE-10 totals over time, drawn as inline SVG: the clinical range is
 * shaded from the cut-off up. Only numbers and dates go into the markup, never typed text.
 */
final class Core10Chart {

    static final int WIDTH = 360;
    static final int HEIGHT = 160;
    private static final int PAD = 28;

    private Core10Chart() {}

    static Html of(List<Core10Result> scores) {
        var svg = new StringBuilder();
        svg.append("<div class=\"core10-chart\"><svg role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\"><title>CORE-10 totals over time</title>");
        double plotHeight = HEIGHT - 2.0 * PAD;
        double cutOffY = y(Core10.CLINICAL_CUT_OFF, plotHeight);
        svg.append(String.format(
                Locale.ROOT,
                "<rect class=\"clinical\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%.1f\"/>",
                PAD,
                PAD,
                WIDTH - 2 * PAD,
                cutOffY - PAD));
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"cut-off\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                PAD,
                cutOffY,
                WIDTH - PAD,
                cutOffY));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"2\" y=\"%.1f\">11</text><text x=\"2\" y=\"%d\">40</text>"
                        + "<text x=\"8\" y=\"%d\">0</text>",
                cutOffY + 4,
                PAD + 4,
                HEIGHT - PAD + 4));
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                PAD,
                HEIGHT - PAD,
                WIDTH - PAD,
                HEIGHT - PAD));
        var points = new StringBuilder();
        for (int i = 0; i < scores.size(); i++) {
            double x = scores.size() == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (scores.size() - 1);
            double y = y(scores.get(i).total(), plotHeight);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"score\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s: %d</title></circle>",
                    x,
                    y,
                    Formats.DAY.format(scores.get(i).measuredOn()),
                    scores.get(i).total()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"date\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x,
                    HEIGHT - 8,
                    scores.get(i).measuredOn().format(org.casebook.ui.Dates.MONTH)));
        }
        if (scores.size() > 1) {
            svg.append("<polyline class=\"trend\" points=\"")
                    .append(points.toString().strip())
                    .append("\"/>");
        }
        svg.append("</svg></div>");
        return new Html(svg.toString());
    }

    private static double y(int total, double plotHeight) {
        return PAD + plotHeight * (1 - total / 40.0);
    }
}
