package org.casebook.loaddata;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.internal.ComponentTracker;
import com.vaadin.flow.server.VaadinSession;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import kotlin.jvm.functions.Function0;
import org.casebook.KaribuTest;
import org.casebook.TestPostgres;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live heap per signed-in UI: N sessions, each with one UI on the page given, kept alive; the heap in use
 * after full garbage collections, less the heap before, divided by N; and the classes that grew most (what
 * dominates). The grids are asked for their first 50 rows, as a browser would. Not a test: prints its
 * figures (also to target/benchmarks/heap.txt). Run with
 * {@code ./mvnw -o -Pbenchmark test -Dtest=HeapPerUiBenchmark [-Dbenchmark.uis=30 -Dbenchmark.clients=3000]}.
 */
class HeapPerUiBenchmark extends KaribuTest {

    static final String COMPONENT_TRACKER = "vaadin.devmode.componentTracker.enabled";

    static {
        // Karibu runs Vaadin in development mode, where Flow's ComponentTracker keeps two plain Throwables (with
        // their backtraces) per component, for the IDE's "where was this created/attached" links: 1.4 to 5.5 MB a
        // UI, which production mode never holds. Measure what production holds. Must be set before the first
        // component is attached in this JVM (the tracker reads the setting once).
        System.setProperty(COMPONENT_TRACKER, "false");
    }

    /** Only the pages whose name starts with this, e.g. {@code -Dbenchmark.pages=caseload}. */
    private static final String ONLY = System.getProperty("benchmark.pages", "");

    private static final String STATE_NODE = "com.vaadin.flow.internal.StateNode";
    private static final int UIS = Integer.getInteger("benchmark.uis", 30);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 3_000);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        var url = TestPostgres.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    LoadDataGenerator generator;

    @Autowired
    RunAsStaff runAs;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        generator.generate(CLIENTS, 19);
        print("Live heap per signed-in UI, %d UIs each, %d generated clients, JDK %s"
                .formatted(UIS, CLIENTS, Runtime.version()));
        Function0<UI> uiFactory = UI::new;
        var servlet = new MockSpringServlet(new Routes().autoDiscoverViews("org.casebook"), context, uiFactory);
        for (var page : List.of(
                new String[] {GeneratedPages.HEAVY_COUNSELLOR, "clients", "caseload (heavy caseload)"},
                new String[] {GeneratedPages.COUNSELLOR, "clients", "caseload"},
                new String[] {GeneratedPages.COUNSELLOR, "", "counsellor home"},
                new String[] {GeneratedPages.SUPERVISOR, "waiting-list", "waiting list"},
                new String[] {GeneratedPages.SUPERVISOR, "supervision", "dashboard"})) {
            if (!ONLY.isEmpty() && !page[2].startsWith(ONLY)) {
                continue;
            }
            runAs.as(page[0], () -> {
                try {
                    measure(page[2], page[1], servlet, uiFactory);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        var file = Path.of("target", "benchmarks", "heap.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private void measure(String name, String location, MockSpringServlet servlet, Function0<UI> uiFactory)
            throws Exception {
        // Warm up: the first UIs load classes and fill caches that later ones share.
        open(location, servlet, uiFactory);
        open(location, servlet, uiFactory);
        var sample = UI.getCurrent().getChildren().findFirst().orElseThrow();
        if (ComponentTracker.findCreate(sample) != null) {
            throw new IllegalStateException("Vaadin's ComponentTracker is on (another test in this JVM attached "
                    + "components before " + COMPONENT_TRACKER + "=false was set): its stack traces would be counted");
        }
        var kept = new ArrayList<Object>();
        var first = histogram();
        keep(UIS, location, servlet, uiFactory, kept);
        var before = histogram();
        // The slope: what a further N UIs add, once the first N have filled whatever caches they fill.
        keep(UIS, location, servlet, uiFactory, kept);
        var after = histogram();
        var nodes = after.getOrDefault(STATE_NODE + " (instances)", 0L)
                - before.getOrDefault(STATE_NODE + " (instances)", 0L);
        after.remove(STATE_NODE + " (instances)");
        before.remove(STATE_NODE + " (instances)");
        first.remove(STATE_NODE + " (instances)");
        long total = sum(after) - sum(before);
        print("");
        print("%-28s %8.1f KB a UI (live heap after full GC, %d more UIs; the first %d took %.1f KB each)"
                .formatted(name, total / 1024.0 / UIS, UIS, UIS, (sum(before) - sum(first)) / 1024.0 / UIS));
        print("    %8d Vaadin state nodes a UI (each with its feature maps)".formatted(nodes / UIS));
        var growth = new ArrayList<Map.Entry<String, Long>>();
        after.forEach((type, bytes) -> growth.add(Map.entry(type, bytes - before.getOrDefault(type, 0L))));
        growth.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (var entry : growth.subList(0, Math.min(10, growth.size()))) {
            print("    %8.1f KB a UI  %s".formatted(entry.getValue() / 1024.0 / UIS, entry.getKey()));
        }
        // Exceptions kept alive carry backtraces (long[], int[], short[], Object[]): name them when they grow.
        growth.stream()
                .filter(e -> e.getValue() > 0
                        && (e.getKey().endsWith("Exception")
                                || e.getKey().endsWith("Error")
                                || e.getKey().endsWith("Throwable")))
                .limit(5)
                .forEach(e ->
                        print("    %8.1f KB a UI  %s (exception)".formatted(e.getValue() / 1024.0 / UIS, e.getKey())));
        kept.clear();
        MockVaadin.tearDown();
    }

    private static void keep(
            int n, String location, MockSpringServlet servlet, Function0<UI> uiFactory, List<Object> kept) {
        for (int i = 0; i < n; i++) {
            open(location, servlet, uiFactory);
            kept.add(VaadinSession.getCurrent());
            kept.add(UI.getCurrent());
        }
    }

    private static long sum(Map<String, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void open(String location, MockSpringServlet servlet, Function0<UI> uiFactory) {
        MockVaadin.setup(uiFactory, servlet);
        UI.getCurrent().navigate(location);
        // As a browser would: ask each grid for its first rows, then answer the round trip.
        for (var grid : _find(Grid.class)) {
            grid.getDataCommunicator().setViewportRange(0, 50);
        }
        MockVaadin.clientRoundtrip(false);
        // As the response to that round trip would: changes and JavaScript calls written out and forgotten (Karibu
        // keeps them).
        UI.getCurrent().getInternals().getStateTree().collectChanges(change -> {});
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }

    /** Bytes per class from the JVM's class histogram (live objects only: it collects first). */
    private static Map<String, Long> histogram() throws Exception {
        var text = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        var bytes = new HashMap<String, Long>();
        for (var line : text.split("\n")) {
            var parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                bytes.put(parts[3], Long.parseLong(parts[2]));
                if (parts[3].equals(STATE_NODE)) {
                    bytes.put(STATE_NODE + " (instances)", Long.parseLong(parts[1]));
                }
            }
        }
        return bytes;
    }

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
