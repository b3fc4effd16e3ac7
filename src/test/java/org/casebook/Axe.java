package org.casebook;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core (from its webjar, on the test class path) run in the page for the WCAG 2 A and AA rules (2.0, 2.1 and
 * 2.2 tags): each violation as "rule-id (impact): selector, ...", so a regression fails the browser tests.
 */
public final class Axe {

    /** The rules checked: WCAG A and AA, every version axe knows. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SCRIPT = load();

    private Axe() {}

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What axe 4.6 cannot judge inside the Vaadin grid's own shadow DOM, whatever the page does: its table's rows
     * live in slots, which axe does not count as owned ({@code aria-required-children} on the grid's
     * {@code #table}); and its cells, under the sticky header while scrolled, count as obscured targets
     * ({@code target-size} on the grid's own {@code #vaadin-grid-cell-N}). Left out for those nodes only: links
     * and buttons the application puts in cells are still checked.
     */
    static boolean knownFalsePositive(String rule, String target) {
        // The same slot limitation in Vaadin's menu bar: its items are slotted (so the menubar seems to own
        // none), and Vaadin's own items carry aria-selected, which axe 4.6 does not allow on a menu item.
        if (rule.equals("aria-allowed-attr") && target.startsWith("vaadin-menu-bar-item")
                || rule.equals("aria-required-children") && target.equals(".client-more")) {
            return true;
        }
        return rule.equals("aria-required-children") && target.contains("vaadin-grid") && target.endsWith("#table")
                || rule.equals("target-size")
                        && target.contains("vaadin-grid")
                        && target.contains("#vaadin-grid-cell-");
    }

    /** The page's violations now (dialogs included), one line per rule. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Page page) {
        // A dialog still opening is scaled by its animation: its targets would measure smaller than they are.
        page.waitForFunction(
                "() => !document.querySelector('[opening], [closing]')",
                null,
                new Page.WaitForFunctionOptions().setTimeout(5_000));
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
        }
        var found = (List<Map<String, Object>>) page.evaluate("""
                tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
                    .then(r => r.violations.map(v => ({ id: v.id, impact: v.impact,
                        targets: v.nodes.map(n => n.target.join(' ')),
                        why: (v.nodes[0].failureSummary || '').split('\\n').slice(0, 2).join(' ') })))""", TAGS);
        var lines = new ArrayList<String>();
        for (var v : found) {
            var rule = (String) v.get("id");
            var targets = ((List<String>) v.get("targets"))
                    .stream()
                            .filter(target -> !knownFalsePositive(rule, target))
                            .limit(3)
                            .toList();
            if (!targets.isEmpty()) {
                lines.add(rule + " (" + v.get("impact") + "): " + targets + " " + v.get("why"));
            }
        }
        return lines;
    }
}
