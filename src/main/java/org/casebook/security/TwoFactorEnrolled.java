package org.casebook.security;

/** Published when a person sets up their authenticator app (and receives new recovery codes). */
public record TwoFactorEnrolled(long accountId, String username) {}
