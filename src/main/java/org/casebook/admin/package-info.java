/**
 * Account and access administration: the administrators' screens for staff accounts and teams.
 *
 * <p>The account-changing operations themselves live in the security module
 * ({@link org.casebook.security.StaffAdministration}), which owns the accounts; this module holds the
 * views that call them and never sees an entity.
 */
@NullMarked
package org.casebook.admin;

import org.jspecify.annotations.NullMarked;
