package org.casebook.dataprotection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The subject access export as machine-readable JSON (the right to data portability, too). */
final class SarJson {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SarJson() {}

    static byte[] render(SarDocument sar) {
        var root = new LinkedHashMap<String, Object>();
        root.put("clientCode", sar.clientCode());
        root.put("requestReceivedOn", sar.receivedOn().toString());
        root.put("dueOn", sar.dueOn().toString());
        root.put("producedOn", sar.producedOn().toString());
        var sections = new ArrayList<Map<String, Object>>();
        for (var section : sar.sections()) {
            var entries = new ArrayList<Map<String, Object>>();
            for (var entry : section.entries()) {
                var item = new LinkedHashMap<String, Object>();
                item.put("label", entry.label());
                item.put("text", entry.text());
                item.put("withheld", entry.withheld());
                entries.add(item);
            }
            sections.add(Map.of("title", section.title(), "items", entries));
        }
        root.put("sections", sections);
        var accesses = new ArrayList<Map<String, Object>>();
        for (var access : sar.accessLog()) {
            accesses.add(Map.of(
                    "at",
                    access.at().toString(),
                    "who",
                    access.who(),
                    "roles",
                    access.roles(),
                    "action",
                    access.action(),
                    "outcome",
                    access.outcome()));
        }
        root.put("accessLog", accesses);
        return JSON.writeValueAsBytes(root);
    }
}
