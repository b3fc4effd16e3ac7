package org.casebook.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit log settings.
 *
 * @param hmacKey the chain's HMAC key, base64, at least 32 bytes; required in production
 *     ({@code CASEBOOK_AUDIT_KEY}); never stored in the database
 * @param generatedKeyFile where development and demo runs keep a key they generate themselves
 * @param generateKey whether a missing key may be generated (never in production)
 * @param anchorFile the append-only file outside the database that the chain head is anchored to
 * @param anchorInterval how often the chain head is anchored
 * @param verifyInterval how often the whole chain is verified in the background
 * @param chainInterval how long the sequencer waits between runs that chain committed entries into blocks
 * @param chainBound how long an entry may stay unchained before verification and the audit view report
 *     it (normally an entry is chained within {@code chainInterval} of its commit)
 */
@ConfigurationProperties("casebook.audit")
record AuditProperties(
        @Nullable String hmacKey,
        @DefaultValue("./data/keys/audit-hmac.key") Path generatedKeyFile,
        @DefaultValue("false") boolean generateKey,
        @DefaultValue("./data/audit-anchors.log") Path anchorFile,
        @DefaultValue("15m") Duration anchorInterval,
        @DefaultValue("1h") Duration verifyInterval,
        @DefaultValue("1s") Duration chainInterval,
        @DefaultValue("10s") Duration chainBound) {}
