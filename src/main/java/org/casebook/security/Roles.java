package org.casebook.security;

/**
 * Role names as compile-time constants, for {@code @RolesAllowed} on views and services.
 * Spring Security sees them as authorities with the {@code ROLE_} prefix.
 */
public final class Roles {

    public static final String COUNSELLOR = "COUNSELLOR";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {}
}
