package org.casebook.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A client document: category and sealed title; its content lives in its versions. */
@Entity
@Table(name = "client_document")
class ClientDocument {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false, length = 12)
    private String clientCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DocumentCategory category;

    @Column(nullable = false)
    private byte[] title;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected ClientDocument() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.clientCode = "";
        this.category = DocumentCategory.OTHER;
        this.title = new byte[0];
        this.createdAt = Instant.EPOCH;
    }

    ClientDocument(
            UUID id,
            UUID clientId,
            String clientCode,
            DocumentCategory category,
            byte[] title,
            long createdBy,
            Instant createdAt) {
        this.id = id;
        this.clientId = clientId;
        this.clientCode = clientCode;
        this.category = category;
        this.title = title;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    DocumentCategory category() {
        return category;
    }

    byte[] title() {
        return title;
    }
}
