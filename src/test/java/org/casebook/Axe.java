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

    /** The page's violations now (dialogs included), one line per rule. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Page page) {
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
        }
        var found = (List<Map<String, Object>>) page.evaluate("""
                tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
                    .then(r => r.violations.map(v => ({ id: v.id, impact: v.impact,
                        targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))""", TAGS);
        var lines = new ArrayList<String>();
        for (var v : found) {
            lines.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("targets"));
        }
        return lines;
    }
}
