package org.casebook.validation;

import org.jspecify.annotations.Nullable;

/**
 * How long each kind of text may be, and what counts as blank. Services refuse text over its limit with a
 * message at the field; they never cut it silently (a pasted text that loses its end loses meaning). Views
 * show the same limit. Text made only of spaces or invisible characters (zero-width spaces and joiners,
 * direction marks, fillers, byte-order marks) is blank.
 */
public final class Text {

    /** A person's name or a short label. */
    public static final int NAME = 100;
    /** One line: a reference, a place, a named person, a best time to call. */
    public static final int LINE = 200;
    /** A reason or short note given with an action. */
    public static final int REASON = 500;
    /** A paragraph: a comment, a summary, a rationale. */
    public static final int PARAGRAPH = 4_000;
    /** A section of clinical writing: a plan section, what was learned, a decision. */
    public static final int SECTION = 10_000;
    /** A long clinical text: a session note's section, a supervision discussion. */
    public static final int LONG = 20_000;

    private Text() {}

    /** The text without surrounding spaces, or {@code null} when it is blank (see {@link #isBlank}). */
    public static @Nullable String clean(@Nullable String text) {
        return isBlank(text) ? null : text.strip();
    }

    /** Whether the text is missing or holds nothing visible. */
    public static boolean isBlank(@Nullable String text) {
        return text == null || text.codePoints().allMatch(Text::isInvisible);
    }

    /** What is wrong with the text's length, or {@code null} when it fits. */
    public static @Nullable String lengthProblem(@Nullable String text, int max) {
        if (text == null || text.strip().length() <= max) {
            return null;
        }
        return "Too long: at most " + String.format(java.util.Locale.UK, "%,d", max) + " characters (this has "
                + String.format(java.util.Locale.UK, "%,d", text.strip().length()) + ").";
    }

    /**
     * The cleaned text, refused when longer than {@code max}.
     *
     * @throws InvalidFields naming the field
     */
    public static @Nullable String check(String field, @Nullable String text, int max) {
        var problem = lengthProblem(text, max);
        if (problem != null) {
            throw new InvalidFields(field, problem);
        }
        return clean(text);
    }

    /**
     * As {@link #check}, and refused when blank.
     *
     * @throws InvalidFields naming the field, with {@code whenBlank} as the message for a blank text
     */
    public static String required(String field, @Nullable String text, int max, String whenBlank) {
        var cleaned = check(field, text, max);
        if (cleaned == null) {
            throw new InvalidFields(field, whenBlank);
        }
        return cleaned;
    }

    static boolean isInvisible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED -> true;
            default ->
                c == 0x034F // combining grapheme joiner
                        || c == 0x115F
                        || c == 0x1160
                        || c == 0x3164
                        || c == 0xFFA0 // Hangul fillers
                        || c == 0x2800 // braille blank
                        || c == 0x180E // Mongolian vowel separator
                        || (c >= 0xFE00 && c <= 0xFE0F)
                        || (c >= 0xE0100 && c <= 0xE01EF); // variation selectors
        };
    }
}
