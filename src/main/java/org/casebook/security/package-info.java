/**
 * Staff accounts, roles, teams, sign-in and the web security configuration.
 *
 * <p>Public surface: {@link org.casebook.security.Roles}, {@link org.casebook.security.Role},
 * {@link org.casebook.security.CurrentUser}, {@link org.casebook.security.StaffService},
 * {@link org.casebook.security.AccountService}, {@link org.casebook.security.PasswordPolicy},
 * {@link org.casebook.security.TwoFactorService} (the second factor of sign-in),
 * {@link org.casebook.security.ReAuthentication} (password and code again before a sensitive step),
 * {@link org.casebook.security.SecondFactor} (whether a sign-in has passed both factors), the
 * records they return and the events this module announces ({@code AccountLocked},
 * {@code PasswordChanged}, ...). Entities and repositories stay package-private.
 */
@NullMarked
package org.casebook.security;

import org.jspecify.annotations.NullMarked;
