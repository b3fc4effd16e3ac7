package org.casebook.security;

/** Published when an administrator unlocks an account (the administrator is the signed-in person). */
public record AccountUnlocked(long accountId, String username) {}
