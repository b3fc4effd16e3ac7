package org.casebook.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One upload of a document; written once, never changed. */
@Entity
@Table(name = "client_document_version")
class DocumentVersion {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID documentId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private LocalDate documentDate;

    @Column(nullable = false, length = 100)
    private String mediaType;

    @Column(nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private int chunks;

    @Column(nullable = false)
    private byte[] fileName;

    @Column(nullable = false)
    private long uploadedBy;

    @Column(nullable = false)
    private Instant uploadedAt;

    protected DocumentVersion() {
        this.id = new UUID(0, 0);
        this.documentId = id;
        this.documentDate = LocalDate.EPOCH;
        this.mediaType = "";
        this.fileName = new byte[0];
        this.uploadedAt = Instant.EPOCH;
    }

    DocumentVersion(
            UUID id,
            UUID documentId,
            int number,
            LocalDate documentDate,
            String mediaType,
            long sizeBytes,
            int chunks,
            byte[] fileName,
            long uploadedBy,
            Instant uploadedAt) {
        this.id = id;
        this.documentId = documentId;
        this.number = number;
        this.documentDate = documentDate;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.chunks = chunks;
        this.fileName = fileName;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** Sets size and chunk count once the content has streamed in, in the same transaction as the insert. */
    void complete(long size, int chunkCount) {
        this.sizeBytes = size;
        this.chunks = chunkCount;
    }

    UUID id() {
        return id;
    }

    UUID documentId() {
        return documentId;
    }

    int number() {
        return number;
    }

    LocalDate documentDate() {
        return documentDate;
    }

    String mediaType() {
        return mediaType;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    int chunks() {
        return chunks;
    }

    byte[] fileName() {
        return fileName;
    }

    long uploadedBy() {
        return uploadedBy;
    }

    Instant uploadedAt() {
        return uploadedAt;
    }
}
