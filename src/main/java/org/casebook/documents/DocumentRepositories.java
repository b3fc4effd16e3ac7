package org.casebook.documents;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

interface ClientDocumentRepository extends JpaRepository<ClientDocument, UUID> {

    List<ClientDocument> findByClientIdOrderByCreatedAtDesc(UUID clientId);
}

interface DocumentVersionRepository extends JpaRepository<DocumentVersion, UUID> {

    List<DocumentVersion> findByDocumentIdInOrderByNumberDesc(Collection<UUID> documentIds);

    @Query("select coalesce(max(v.number), 0) from DocumentVersion v where v.documentId = :documentId")
    int lastNumber(UUID documentId);
}

/**
 * The sealed chunks, by plain JDBC: one chunk in memory at a time, written as it is sealed and read as it is
 * sent, without an entity per chunk in the persistence context.
 */
@Repository
class DocumentChunks {

    private final JdbcTemplate jdbc;

    DocumentChunks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID versionId, int seq, byte[] sealed) {
        jdbc.update(
                "insert into client_document_chunk (version_id, seq, body) values (?, ?, ?)", versionId, seq, sealed);
    }

    Optional<byte[]> body(UUID versionId, int seq) {
        return jdbc
                .query(
                        "select body from client_document_chunk where version_id = ? and seq = ?",
                        (rs, row) -> rs.getBytes(1),
                        versionId,
                        seq)
                .stream()
                .findFirst();
    }
}
