/**
 * The tamper-evident audit log.
 *
 * <p>Other modules call {@link org.casebook.audit.AuditLog#record} inside their own transaction, so
 * an action and its entry commit or roll back together; never asynchronously, never after commit.
 * Entries hold who, what, which record and client code, the outcome and a reason; never clinical
 * content, never a password. Each entry is chained to the one before by an HMAC-SHA-256 whose key
 * lives outside the database, and the chain head is anchored to a file outside the database.
 * {@link org.casebook.audit.AuditService} searches, exports and verifies the log.
 */
@NullMarked
package org.casebook.audit;

import org.jspecify.annotations.NullMarked;
