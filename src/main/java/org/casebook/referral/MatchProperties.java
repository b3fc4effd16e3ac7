package org.casebook.referral;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for finding possible duplicate referrals.
 *
 * @param matchKey the HMAC key of the blind indexes, base64, at least 32 bytes; required in production
 *     ({@code CASEBOOK_MATCH_KEY}); never stored in the database
 * @param generatedMatchKeyFile where development and demo runs keep a key they generate themselves
 * @param generateMatchKey whether a missing key may be generated (never in production)
 */
@ConfigurationProperties("casebook.referral")
record MatchProperties(
        @Nullable String matchKey,
        @DefaultValue("./data/keys/referral-match.key") Path generatedMatchKeyFile,
        @DefaultValue("false") boolean generateMatchKey) {}
