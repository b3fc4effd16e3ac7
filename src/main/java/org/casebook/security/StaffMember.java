package org.casebook.security;

import java.util.Set;

/** A member of staff as other people see them: no credentials, no contact details. */
public record StaffMember(long id, String displayName, Set<Role> roles) {}
