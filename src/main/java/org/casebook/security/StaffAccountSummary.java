package org.casebook.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A staff account as an administrator sees it in the list and the edit form. No credentials. */
public record StaffAccountSummary(
        long id,
        long version,
        String displayName,
        String username,
        String email,
        Set<Role> roles,
        @Nullable Long teamId,
        @Nullable String teamName,
        boolean active,
        boolean locked) {

    /** Roles in a stable order, for reading: "Counsellor, Supervisor". */
    public String roleLabels() {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }
}
