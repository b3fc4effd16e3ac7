package org.casebook.session;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Scoring the CORE-10 (Barkham et al. 2013, "The CORE-10: A short measure of psychological distress for
 * routine use in the psychological therapies", Counselling and Psychotherapy Research 13(1) 3-13; the
 * measure is (c) CORE System Trust). Ten items scored 0 to 4, a total of 0 to 40. The bands below are the
 * published CORE-10 severity bands as reproduced by CORE users' guidance (healthy 0-5, low 6-10, then from
 * the clinical cut-off of 11: mild 11-14, moderate 15-19, moderate-to-severe 20-24, severe 25-40). A change
 * of 6 or more points is reliable. Item 6 is the risk item ("plans to end my life"), read on its own.
 *
 * <p>The item wording is not reproduced: the measure is licensed by the CORE System Trust, and its positively
 * worded items are reverse-scored on the form. Counsellors enter each item's score from the client's form.
 */
public final class Core10 {

    public static final int ITEMS = 10;
    public static final int MAX_ITEM = 4;
    public static final int CLINICAL_CUT_OFF = 11;
    public static final int RELIABLE_CHANGE = 6;
    /** The risk item, numbered from 1 as on the form. */
    public static final int RISK_ITEM = 6;

    /** Severity bands of the total. */
    public enum Band {
        HEALTHY("Healthy", 0),
        LOW("Low level", 6),
        MILD("Mild", 11),
        MODERATE("Moderate", 15),
        MODERATE_SEVERE("Moderate to severe", 20),
        SEVERE("Severe", 25);

        private final String label;
        private final int from;

        Band(String label, int from) {
            this.label = label;
            this.from = from;
        }

        public String label() {
            return label;
        }

        public int from() {
            return from;
        }
    }

    /** Reliable change between two totals. */
    public enum Change {
        RELIABLE_IMPROVEMENT("Reliable improvement"),
        RELIABLE_DETERIORATION("Reliable deterioration"),
        NO_RELIABLE_CHANGE("No reliable change");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private Core10() {}

    public static Band band(int total) {
        if (total < 0 || total > ITEMS * MAX_ITEM) {
            throw new IllegalArgumentException("A CORE-10 total is between 0 and 40.");
        }
        var result = Band.HEALTHY;
        for (var band : Band.values()) {
            if (total >= band.from()) {
                result = band;
            }
        }
        return result;
    }

    public static boolean isClinical(int total) {
        return total >= CLINICAL_CUT_OFF;
    }

    /** From {@code before} to {@code after}: lower is better. */
    public static Change change(int before, int after) {
        if (before - after >= RELIABLE_CHANGE) {
            return Change.RELIABLE_IMPROVEMENT;
        }
        if (after - before >= RELIABLE_CHANGE) {
            return Change.RELIABLE_DETERIORATION;
        }
        return Change.NO_RELIABLE_CHANGE;
    }

    /** Checks ten item scores of 0 to 4; returns the index (from 0) of the first bad item, or -1. */
    static int firstInvalid(@Nullable List<@Nullable Integer> items) {
        if (items == null) {
            return 0;
        }
        for (int i = 0; i < ITEMS; i++) {
            var item = i < items.size() ? items.get(i) : null;
            if (item == null || item < 0 || item > MAX_ITEM) {
                return i;
            }
        }
        return items.size() > ITEMS ? ITEMS : -1;
    }
}
