package org.casebook.security;

/**
 * A new account and its one-time password, to be shown once to the administrator and never stored
 * or logged anywhere else. {@link #toString()} leaves the password out.
 */
public record CreatedAccount(long accountId, String username, String temporaryPassword) {

    @Override
    public String toString() {
        return "CreatedAccount[accountId=" + accountId + ", username=" + username + "]";
    }
}
