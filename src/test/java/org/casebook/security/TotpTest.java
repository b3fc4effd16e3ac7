package org.casebook.security;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(US_ASCII);

    /** RFC 6238, Appendix B, the SHA1 rows. */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void matchesTheRfc6238TestVectors(long epochSecond, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(epochSecond)), 8))
                .isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightDigitOnes() {
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(59))))
                .isEqualTo("287082");
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSideButNoFurther() {
        var now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.stepAt(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + offset), now, 0))
                    .isEqualTo(step + offset);
        }
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0))
                .isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, 0))
                .isEqualTo(-1);
    }

    @Test
    void refusesACodeForAStepAlreadyUsed() {
        var now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.stepAt(now);
        var code = Totp.code(RFC_SECRET, step);
        assertThat(Totp.matchingStep(RFC_SECRET, code, now, step - 1)).isEqualTo(step);
        assertThat(Totp.matchingStep(RFC_SECRET, code, now, step)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step))
                .isEqualTo(-1);
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        var now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(RFC_SECRET, "94287082", now, 0)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "28708a", now, 0)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "", now, 0)).isEqualTo(-1);
    }

    @Test
    void base32RoundTripsAndReadsTheRfc4648Example() {
        assertThat(Base32.encode("foobar".getBytes(US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.decode("mzxw 6ytb-oi======")).isEqualTo("foobar".getBytes(US_ASCII));
        assertThat(Base32.decode(Base32.encode(RFC_SECRET))).isEqualTo(RFC_SECRET);
    }
}
