package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    private java.util.Optional<String> check(String password) {
        return policy.problem(password, "counsellor1", "Casey Counsellor (demo)");
    }

    @Test
    void twelveCharactersOfAnyKindAreEnoughWithoutCompositionRules() {
        assertThat(check("plum tractor")).isEmpty();
        assertThat(check("alllowercaseletters")).isEmpty();
    }

    @Test
    void elevenCharactersAreTooFew() {
        assertThat(check("plum tracto")).contains(PasswordPolicy.TOO_SHORT);
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        var emoji = "\uD83D\uDC1F"; // one code point, two chars
        assertThat(check(emoji.repeat(6))).as("12 chars, 6 characters").contains(PasswordPolicy.TOO_SHORT);
        assertThat(check(emoji.repeat(12))).isEmpty();
        assertThat(check("ünïcödé pässwörd ça")).isEmpty();
    }

    @Test
    void atMostOneHundredAndTwentyEightCharacters() {
        assertThat(check("x7".repeat(64))).isEmpty();
        assertThat(check("x7".repeat(64) + "q")).contains(PasswordPolicy.TOO_LONG);
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(check("qwertyuiopasdfghjkl")).contains(PasswordPolicy.TOO_COMMON);
        assertThat(check("1234567890123")).contains(PasswordPolicy.TOO_COMMON);
        assertThat(check("PASSWORD1234")).contains(PasswordPolicy.TOO_COMMON);
    }

    @Test
    void theUsernameOrThePersonsNameMayNotBeInThePassword() {
        assertThat(check("my counsellor1 secret")).contains(PasswordPolicy.HAS_USERNAME);
        assertThat(check("CaseyLovesPlums!")).contains(PasswordPolicy.HAS_NAME);
        assertThat(check("plum counsellor tractor")).contains(PasswordPolicy.HAS_NAME);
    }
}
