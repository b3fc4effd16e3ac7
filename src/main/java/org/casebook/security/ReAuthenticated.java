package org.casebook.security;

/** Published when a signed-in person confirms who they are again, or fails to; {@code reason} says why not. */
public record ReAuthenticated(long accountId, String username, boolean confirmed, String reason) {}
