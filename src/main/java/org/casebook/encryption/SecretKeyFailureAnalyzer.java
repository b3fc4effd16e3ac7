package org.casebook.encryption;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "no usable audit key" (or match key) into one clear sentence at start-up instead of a page of
 * stack trace. Registered in {@code META-INF/spring.factories}.
 */
class SecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<SecretKeyUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretKeyUnavailableException cause) {
        var key = cause.key();
        return new FailureAnalysis(
                "Refusing to start without a usable " + key.what() + ": " + cause.getMessage(),
                "Set " + key.variable() + " to a base64 key of at least " + key.minBytes() + " random bytes (for "
                        + "example the output of `openssl rand -base64 32`), kept outside the database; see README "
                        + "\"Configuration\".",
                cause);
    }
}
