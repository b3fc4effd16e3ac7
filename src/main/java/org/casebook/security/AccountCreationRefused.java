package org.casebook.security;

/**
 * Published when an operator's command refuses to create an account (the first administrator, when an
 * active administrator already exists), so the refused attempt is in the audit log. Never a password.
 */
public record AccountCreationRefused(String reason) {}
