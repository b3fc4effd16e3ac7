package org.casebook.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an administrator types to create an account. */
public record NewStaffAccount(
        String displayName,
        String username,
        String email,
        Set<Role> roles,
        @Nullable Long teamId) {}
