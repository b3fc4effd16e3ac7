package org.casebook.client;

import org.jspecify.annotations.Nullable;

/**
 * How a client may be contacted without putting them at risk of exposure: which channels are safe and
 * when. Each channel is allowed explicitly ({@code emailOk} too: an address on file never means a message
 * may be sent there). Shown first on the client page, before anything else.
 */
public record SafeContact(
        @Nullable String phone,
        @Nullable String email,
        @Nullable String postalAddress,
        boolean voicemailOk,
        boolean textOk,
        boolean letterOk,
        boolean emailOk,
        @Nullable String bestTimes,
        @Nullable String notes) {

    public static SafeContact none() {
        return new SafeContact(null, null, null, false, false, false, false, null, null);
    }
}
