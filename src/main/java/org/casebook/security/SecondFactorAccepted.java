package org.casebook.security;

/** Published when a person completes sign-in with a code; {@code method} is "authenticator app" or "recovery code". */
public record SecondFactorAccepted(long accountId, String username, String method) {}
