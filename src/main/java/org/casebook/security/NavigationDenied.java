package org.casebook.security;

/**
 * Published when a signed-in person is refused a view. The audit module records it; security only
 * announces it, so it need not know about auditing.
 */
public record NavigationDenied(String path, String username) {}
