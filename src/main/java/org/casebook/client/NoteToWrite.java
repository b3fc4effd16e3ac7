package org.casebook.client;

import java.util.Optional;

/**
 * Implemented by the sessions module, so the client page's "Write a note" opens the note that is waiting: the
 * latest attended session whose note is not yet signed. Called only for a client already allowed; records
 * nothing.
 */
public interface NoteToWrite {

    /** The route of that note ({@code "note/<appointment id>"}), if a note is waiting. */
    Optional<String> noteToWrite(ClientAccess client);
}
