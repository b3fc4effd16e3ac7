package org.casebook.security;

import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The mark of a completed second factor: a Spring Security factor authority beside the password's
 * ({@code FACTOR_PASSWORD}). A session without it may open only the code page.
 */
public final class SecondFactor {

    /** The factor authority added once a code from the authenticator app (or a recovery code) is accepted. */
    public static final String AUTHORITY = "FACTOR_TOTP";

    private SecondFactor() {}

    /** Whether this is a signed-in member of staff who has passed both factors. */
    public static boolean isComplete(@Nullable Authentication authentication) {
        return authentication != null
                && authentication.getPrincipal() instanceof StaffUser
                && authentication.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }

    /** Whether a member of staff is signed in with their password but has not yet given a code. */
    public static boolean isPending(@Nullable Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof StaffUser
                && !isComplete(authentication);
    }

    /** The same sign-in, with the second factor added. */
    public static Authentication completed(Authentication authentication) {
        var authorities = new ArrayList<GrantedAuthority>(authentication.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(AUTHORITY));
        var result =
                UsernamePasswordAuthenticationToken.authenticated(authentication.getPrincipal(), null, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }
}
