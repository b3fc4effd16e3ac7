package org.casebook.loaddata;

import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Each interaction's response time (Gatling's own measure of the request, from the {@code rt} check) and its
 * failures, by name; the percentiles the report prints. Gatling's HTML reports are not used (their module is
 * not open source), so the harness computes them here.
 */
final class LoadRecorder {

    private static final Map<String, ConcurrentLinkedQueue<Long>> TIMES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> ERRORS = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<String> FIRST_ERRORS = new ConcurrentLinkedQueue<>();

    private LoadRecorder() {}

    static void reset() {
        TIMES.clear();
        ERRORS.clear();
        FIRST_ERRORS.clear();
    }

    /** Records a request whose checks Gatling has run. */
    static Session record(String name, Session session) {
        if (session.isFailed() || !session.contains("rt")) {
            return fail(name, session, "HTTP check failed");
        }
        TIMES.computeIfAbsent(name, key -> new ConcurrentLinkedQueue<>()).add(session.getLong("rt"));
        return session.remove("rt");
    }

    /** Records a request and reads its body; a failed check or an exception from {@code reader} is an error. */
    static Session handle(String name, Session session, Function<String, Session> reader) {
        if (session.isFailed() || !session.contains("body")) {
            return fail(name, session, "HTTP check failed");
        }
        long time = session.getLong("rt");
        Session next;
        try {
            next = reader.apply(session.getString("body"));
        } catch (RuntimeException e) {
            return fail(name, session, e.getMessage());
        }
        TIMES.computeIfAbsent(name, key -> new ConcurrentLinkedQueue<>()).add(time);
        return next.remove("body").remove("rt");
    }

    private static Session fail(String name, Session session, String why) {
        ERRORS.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
        if (FIRST_ERRORS.size() < 20) {
            FIRST_ERRORS.add(name + " (" + session.getString("username") + "): " + why);
        }
        return session.markAsFailed();
    }

    record Line(String name, int count, int errors, long p50, long p95, long p99, long max) {}

    static List<Line> lines() {
        var names = new TreeMap<String, Boolean>();
        TIMES.keySet().forEach(name -> names.put(name, true));
        ERRORS.keySet().forEach(name -> names.put(name, true));
        var lines = new ArrayList<Line>();
        for (var name : names.keySet()) {
            var times = new ArrayList<>(TIMES.getOrDefault(name, new ConcurrentLinkedQueue<>()));
            Collections.sort(times);
            int errors = ERRORS.getOrDefault(name, new AtomicInteger()).get();
            lines.add(new Line(name, times.size(), errors, percentile(times, 50), percentile(times, 95),
                    percentile(times, 99), times.isEmpty() ? 0 : times.getLast()));
        }
        return lines;
    }

    static int interactions() {
        return TIMES.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum()
                + ERRORS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    static int errors() {
        return ERRORS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    static List<String> firstErrors() {
        return List.copyOf(FIRST_ERRORS);
    }

    /** Keeps the first answer of a kind in target/load, for reading when a check fails. */
    static void sample(String kind, String body) {
        var file = java.nio.file.Path.of("target", "load", kind + "-sample.txt");
        try {
            if (!java.nio.file.Files.exists(file)) {
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.writeString(file, body);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
