package org.casebook.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in member of staff, as Spring Security holds them. */
public final class StaffUser extends User {

    private final long accountId;
    private final String displayName;
    private final Set<Role> roles;

    StaffUser(
            long accountId,
            String username,
            String passwordHash,
            boolean enabled,
            String displayName,
            Set<Role> roles) {
        super(
                username,
                passwordHash,
                enabled,
                true,
                true,
                true,
                roles.stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .collect(Collectors.toSet()));
        this.accountId = accountId;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Roles in a stable order, for showing to a person: "Counsellor, Supervisor". */
    public String roleLabels() {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }

    // User's equals/hashCode compare usernames, which is what session registries want.
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
