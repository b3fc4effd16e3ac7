package org.casebook.audit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "no usable audit key" into one clear sentence at start-up instead of a page of stack trace.
 * Registered in {@code META-INF/spring.factories}.
 */
class AuditKeyFailureAnalyzer extends AbstractFailureAnalyzer<AuditKeyUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AuditKeyUnavailableException cause) {
        return new FailureAnalysis("Refusing to start without a usable audit log key: " + cause.getMessage(),
                "Set CASEBOOK_AUDIT_KEY to a base64 key of at least 32 random bytes (for example the output of "
                        + "`openssl rand -base64 32`), kept outside the database; see README \"Audit log\".",
                cause);
    }
}
