package org.casebook.client;

import java.util.List;

/**
 * One module's part of a subject access export: each module that holds something about a client implements
 * this as a bean and returns it decrypted, item by item, so that a supervisor can review and redact each item
 * before release. Called by the data-protection module inside its own transaction, after
 * {@link CaseAccessPolicy} allowed the signed-in supervisor to open the client, and audited there.
 */
public interface SubjectAccessSource {

    /** The order of this module's section in the export (lower first). */
    int order();

    /** Everything this module holds about the client. */
    List<HeldItem> heldAbout(ClientId client);
}
