package org.casebook.contacts;

import org.jspecify.annotations.Nullable;

/** A third party to add to the directory; a name and a role are required, and a phone number or an email. */
public record NewContact(
        @Nullable ContactRole role,
        @Nullable String name,
        @Nullable String organisation,
        @Nullable String phone,
        @Nullable String email) {}
