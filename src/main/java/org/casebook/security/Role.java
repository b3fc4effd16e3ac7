package org.casebook.security;

/** The roles a staff member may hold; one person may hold several. */
public enum Role {
    COUNSELLOR(Roles.COUNSELLOR, "Counsellor"),
    SUPERVISOR(Roles.SUPERVISOR, "Supervisor"),
    ADMIN(Roles.ADMIN, "Administrator");

    private final String roleName;
    private final String label;

    Role(String roleName, String label) {
        this.roleName = roleName;
        this.label = label;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + roleName;
    }

    /** The name a person reads. */
    public String label() {
        return label;
    }
}
