package org.casebook.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web security settings.
 *
 * @param absoluteSessionTimeout how long a session may last however active it is
 * @param contentSecurityPolicy the Content-Security-Policy header; Vaadin Flow needs inline and
 *     evaluated scripts (its client runs server-sent JavaScript), nothing from other origins
 * @param throttleDelay the pause before the sign-in attempt that follows the fifth consecutive
 *     failure; it doubles with each further failure
 * @param throttleMaxDelay the longest such pause
 * @param lockoutDuration how long an account stays locked after the tenth consecutive failure
 */
@ConfigurationProperties("casebook.security")
record SecurityProperties(
        @DefaultValue("12h") Duration absoluteSessionTimeout,

        @DefaultValue("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'")
        String contentSecurityPolicy,

        @DefaultValue("500ms") Duration throttleDelay,
        @DefaultValue("4s") Duration throttleMaxDelay,
        @DefaultValue("15m") Duration lockoutDuration) {}
