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
 */
@ConfigurationProperties("casebook.security")
record SecurityProperties(
        @DefaultValue("12h") Duration absoluteSessionTimeout,
        @DefaultValue("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'") String contentSecurityPolicy) {}
