package org.casebook.security;

/**
 * Published when an administrator (the signed-in person) creates or renames a team. The detail names
 * the team (team names are not clinical).
 */
public record TeamAdministered(long teamId, Change change, String detail) {

    public enum Change {
        CREATED,
        RENAMED
    }
}
