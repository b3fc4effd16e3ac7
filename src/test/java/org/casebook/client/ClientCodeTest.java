package org.casebook.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ClientCodeTest {

    @Test
    void codesAreShortRandomAndFreeOfLookAlikeCharacters() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var code = ClientCode.next();
            assertThat(code)
                    .matches("[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}")
                    .doesNotContain("0", "O", "1", "I", "L", "U");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(995);
    }

    @Test
    void typedCodesAreTidiedOrRefused() {
        assertThat(ClientCode.normalise(" k7q 4mx ")).contains("K7Q-4MX");
        assertThat(ClientCode.normalise("k7q4mx")).contains("K7Q-4MX");
        assertThat(ClientCode.normalise("K7Q-4M")).isEmpty();
        assertThat(ClientCode.normalise("O1I-L0U")).isEmpty();
        assertThat(ClientCode.normalise("%")).isEmpty();
    }
}
