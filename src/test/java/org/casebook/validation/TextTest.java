package org.casebook.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void textOfOnlyInvisibleCharactersIsBlank() {
        for (var invisible : new String[] {
            "\u200B",
            "\u200C\u200D",
            "\u2060",
            "\uFEFF",
            "\u00A0\u2007",
            "\u3164",
            "\u115F\u1160",
            "\u2800",
            "\u200E\u200F",
            "\u202E",
            "\u034F",
            "\uFE0F",
            " \t\n",
            "\u00AD"
        }) {
            assertThat(Text.isBlank(invisible))
                    .as("U+%04X", (int) invisible.charAt(0))
                    .isTrue();
            assertThat(Text.clean(invisible)).isNull();
        }
        assertThat(Text.isBlank(null)).isTrue();
    }

    @Test
    void visibleTextIsKeptWithoutSurroundingSpace() {
        assertThat(Text.clean("  Alex  ")).isEqualTo("Alex");
        assertThat(Text.isBlank("\u200BA")).isFalse();
        assertThat(Text.isBlank("\uD83D\uDE00")).isFalse();
        assertThat(Text.isBlank("ا")).isFalse();
    }

    @Test
    void textOverItsLimitIsRefusedAtItsFieldNotCut() {
        assertThat(Text.check("summary", "x".repeat(Text.PARAGRAPH), Text.PARAGRAPH))
                .hasSize(Text.PARAGRAPH);
        assertThatThrownBy(() -> Text.check("summary", "x".repeat(Text.PARAGRAPH + 1), Text.PARAGRAPH))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("summary"))
                                .isEqualTo("Too long: at most 4,000 characters (this has 4,001)."));
        assertThatThrownBy(() -> Text.required("reason", "\u200B", Text.REASON, "Say why."))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("reason")).isEqualTo("Say why."));
    }
}
