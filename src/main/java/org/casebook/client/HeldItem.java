package org.casebook.client;

import org.jspecify.annotations.Nullable;

/**
 * One item of what Casebook holds about a client, for a subject access export.
 *
 * @param key stable and unique within the export (for example {@code note/<id>/themes}), what a redaction names
 * @param section the heading it belongs under (Referral, Session notes, ...)
 * @param label what it is (for example "Note of 3 Mar 2026: themes discussed")
 * @param text its content, decrypted; null when empty
 * @param thirdParty whether it is likely to hold information about someone else (a referrer, a named child,
 *     a named person), so the reviewer looks at it first
 * @param safeguarding whether it is part of a safeguarding concern: left out unless the reviewer releases it
 */
public record HeldItem(
        String key, String section, String label, @Nullable String text, boolean thirdParty, boolean safeguarding) {

    public static HeldItem of(String key, String section, String label, @Nullable String text) {
        return new HeldItem(key, section, label, text, false, false);
    }

    public HeldItem aboutOthers() {
        return new HeldItem(key, section, label, text, true, safeguarding);
    }

    public HeldItem safeguardingOnly() {
        return new HeldItem(key, section, label, text, thirdParty, true);
    }
}
