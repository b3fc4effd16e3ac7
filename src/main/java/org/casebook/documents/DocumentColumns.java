package org.casebook.documents;

import java.util.UUID;
import org.casebook.encryption.EncryptedColumn;
import org.casebook.encryption.FieldContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The documents module's encrypted columns. Titles and file names are text columns that key rotation
 * re-encrypts; chunks are binary and bound to version, position and end, so they are sealed by
 * {@link #chunk} and not declared to the (text) re-encryption job.
 */
@Configuration(proxyBeanMethods = false)
class DocumentColumns {

    static final EncryptedColumn TITLE = new EncryptedColumn("client_document", "id", "title");
    static final EncryptedColumn FILE_NAME = new EncryptedColumn("client_document_version", "id", "file_name");

    /** Where one chunk belongs: its version, its position, and whether it is the last (so truncation shows). */
    static FieldContext chunk(UUID versionId, int seq, boolean last) {
        return new FieldContext("client_document_chunk", "body", versionId + "/" + seq + (last ? "/last" : ""));
    }

    @Bean
    EncryptedColumn clientDocumentTitle() {
        return TITLE;
    }

    @Bean
    EncryptedColumn clientDocumentFileName() {
        return FILE_NAME;
    }
}
