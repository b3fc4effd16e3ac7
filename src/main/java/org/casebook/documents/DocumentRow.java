package org.casebook.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A document with its versions, newest version first. */
public record DocumentRow(UUID id, DocumentCategory category, String title, List<VersionRow> versions) {

    public VersionRow latest() {
        return versions.getFirst();
    }

    /** One version of a document. */
    public record VersionRow(
            UUID id,
            int number,
            LocalDate date,
            String fileName,
            String mediaType,
            long size,
            String uploadedBy,
            Instant uploadedAt) {

        public boolean previewable() {
            return DocumentTypes.PREVIEWABLE.contains(mediaType);
        }
    }
}
