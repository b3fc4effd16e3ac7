package org.casebook.contacts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A directory entry as lists show it. */
public record ContactRow(
        UUID id,
        ContactRole role,
        String name,
        @Nullable String organisation,
        @Nullable String phone,
        @Nullable String email) {

    /** "Name, organisation (role)", for choosing one. */
    public String label() {
        return name + (organisation == null ? "" : ", " + organisation) + " (" + role.label() + ")";
    }
}
