package org.casebook.client;

import org.jspecify.annotations.Nullable;

/**
 * Permission, just granted by {@link CaseAccessPolicy}, to work with one client. Carries what services need
 * to record and to decide: the client's id and code, the basis of access, and who the client belongs to.
 */
public record ClientAccess(
        ClientId id,
        String code,
        AccessBasis basis,
        CaseStatus status,
        @Nullable Long counsellorId,
        @Nullable Long teamId) {

    public boolean isBreakGlass() {
        return basis == AccessBasis.BREAK_GLASS;
    }
}
