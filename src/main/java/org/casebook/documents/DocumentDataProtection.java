package org.casebook.documents;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebook.client.ClientErasure;
import org.casebook.client.ClientId;
import org.casebook.client.HeldItem;
import org.casebook.client.SubjectAccessSource;
import org.casebook.encryption.FieldEncryption;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A client's documents. For subject access each version is listed (category, title, date, file name, type
 * and size) and flagged: court orders and letters name other people, so the reviewer reads each file on the
 * client's Documents section and releases copies of what may be disclosed; the files themselves are not put
 * in the export. For anonymisation, titles and file names are overwritten with nothing and every chunk of
 * content is deleted, so no ciphertext of the file is left (category, date, type and size stay).
 */
@Component
class DocumentDataProtection implements ClientErasure, SubjectAccessSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final byte[] NOTHING = new byte[0];

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;

    DocumentDataProtection(JdbcTemplate jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Override
    public String module() {
        return "documents";
    }

    @Override
    public int erase(ClientId client) {
        var id = client.value();
        int rows = jdbc.update("""
                delete from client_document_chunk where version_id in (
                    select v.id from client_document_version v join client_document d on d.id = v.document_id
                    where d.client_id = ?)""", id);
        rows += jdbc.update("""
                update client_document_version set file_name = ?, chunks = 0
                where document_id in (select id from client_document where client_id = ?)""", NOTHING, id);
        rows += jdbc.update(
                "update client_document set title = ?, version = version + 1 where client_id = ?", NOTHING, id);
        return rows;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public List<HeldItem> heldAbout(ClientId client) {
        var items = new ArrayList<HeldItem>();
        jdbc.query(
                """
                select d.id as document_id, d.category, d.title, v.id, v.number, v.document_date, v.media_type,
                       v.size_bytes, v.file_name
                from client_document d join client_document_version v on v.document_id = d.id
                where d.client_id = ? order by d.created_at, v.number""",
                rs -> {
                    var documentId = rs.getObject("document_id", UUID.class);
                    var versionId = rs.getObject("id", UUID.class);
                    var title = encryption.openText(rs.getBytes("title"), DocumentColumns.TITLE, documentId);
                    var fileName = encryption.openText(rs.getBytes("file_name"), DocumentColumns.FILE_NAME, versionId);
                    items.add(HeldItem.of(
                                    "document/" + versionId,
                                    "Documents",
                                    DocumentCategory.valueOf(rs.getString("category"))
                                                    .label() + " of "
                                            + DAY.format(
                                                    rs.getDate("document_date").toLocalDate()) + ", version "
                                            + rs.getInt("number"),
                                    (title == null ? "" : title + ". ") + "File "
                                            + (fileName == null ? "" : fileName + ", ")
                                            + rs.getString("media_type") + ", " + kilobytes(rs.getLong("size_bytes"))
                                            + "; a copy is given separately after review")
                            .aboutOthers());
                },
                client.value());
        return items;
    }

    private static String kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024) + " KB";
    }
}
