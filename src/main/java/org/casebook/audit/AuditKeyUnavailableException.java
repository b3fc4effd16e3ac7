package org.casebook.audit;

/** The audit log's HMAC key is missing or unusable; the application must not start without it. */
class AuditKeyUnavailableException extends IllegalStateException {

    AuditKeyUnavailableException(String message) {
        super(message);
    }
}
