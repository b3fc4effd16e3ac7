package org.casebook.security;

/** Published when repeated failed sign-ins lock an account. The audit module records it. */
public record AccountLocked(long accountId, String username) {}
