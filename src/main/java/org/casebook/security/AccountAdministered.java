package org.casebook.security;

/**
 * Published when an administrator (the signed-in person) changes someone's account. The detail says
 * what changed, in words safe to keep: never a password.
 */
public record AccountAdministered(long accountId, Change change, String detail) {

    public enum Change {
        CREATED,
        ROLES_CHANGED,
        TEAM_CHANGED,
        DEACTIVATED,
        REACTIVATED,
        PASSWORD_RESET,
        TWO_FACTOR_RESET
    }
}
