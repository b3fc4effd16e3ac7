package org.casebook.encryption;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "no usable encryption keyset" into one clear sentence at start-up instead of a page of
 * stack trace. Registered in {@code META-INF/spring.factories}.
 */
class KeysetFailureAnalyzer extends AbstractFailureAnalyzer<KeysetUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeysetUnavailableException cause) {
        return new FailureAnalysis(
                "Refusing to start without a usable encryption keyset: " + cause.getMessage(),
                "Set CASEBOOK_KEYSET_FILE (create the file with --casebook.create-keyset) or CASEBOOK_KEYSET, and "
                        + "CASEBOOK_MASTER_KEY if the keyset is encrypted; see README \"Encryption at rest\".",
                cause);
    }
}
