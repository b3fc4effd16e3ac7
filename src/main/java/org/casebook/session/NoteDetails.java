package org.casebook.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A session note as its page shows it, with what the signed-in person may do with it.
 *
 * @param version the version the person is editing; send it back with the next save ({@code null} before the
 *     first save)
 */
public record NoteDetails(
        UUID appointmentId,
        @Nullable UUID noteId,
        @Nullable Long version,
        String clientCode,
        Instant appointmentAt,
        String author,
        NoteText text,
        @Nullable Instant lastSaved,
        @Nullable Instant signedAt,
        @Nullable String coSignedBy,
        @Nullable Instant coSignedAt,
        @Nullable String coSignComment,
        List<AddendumRow> addenda,
        boolean mayEdit,
        boolean mayAddAddendum,
        boolean mayCoSign,
        boolean overdue) {

    public boolean isSigned() {
        return signedAt != null;
    }
}
