package org.casebook.security;

/** Published when a person changes their own password. Carries no password, old or new. */
public record PasswordChanged(long accountId, String username) {}
