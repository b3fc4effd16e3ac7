package org.casebook.documents;

import jakarta.annotation.security.RolesAllowed;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientId;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.CurrentUser;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client documents. An upload streams through: its type is detected from the first bytes, then it is read one
 * chunk ({@value #CHUNK} bytes) at a time, each chunk sealed and inserted before the next is read, so the file
 * is never whole in memory or anywhere on disk unencrypted. Anything refused (type, size, empty, access) rolls
 * the whole upload back. A download checks need-to-know, is audited, and opens one chunk at a time as it
 * writes.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class DocumentService {

    static final int CHUNK = 1024 * 1024;
    static final String RECORD = "client-document";
    public static final String CATEGORY_NEEDED = "Choose what kind of document it is.";
    public static final String TITLE_NEEDED = "Give the document a title.";
    public static final String DATE_NEEDED = "Enter the document's date.";
    /** The field named when the file itself is refused (empty, too large, of a type not accepted). */
    public static final String FILE = "file";

    public static final String EMPTY = "The file is empty.";
    public static final String WRONG_TYPE = "Only PDF files, images (JPEG, PNG, GIF) and Word documents can be added. "
            + "This file's content is not one of them, whatever its name says.";

    /** Somewhere to write a document's content once its name, type and size are known. */
    @FunctionalInterface
    public interface DownloadTarget {
        OutputStream open(DocumentFile file) throws IOException;
    }

    private final ClientDocumentRepository documents;
    private final DocumentVersionRepository versions;
    private final DocumentChunks chunks;
    private final CaseAccessPolicy policy;
    private final CurrentUser currentUser;
    private final StaffDirectory staff;
    private final FieldEncryption encryption;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;
    private final DocumentProperties properties;

    DocumentService(
            ClientDocumentRepository documents,
            DocumentVersionRepository versions,
            DocumentChunks chunks,
            CaseAccessPolicy policy,
            CurrentUser currentUser,
            StaffDirectory staff,
            FieldEncryption encryption,
            AuditLog audit,
            Clock clock,
            CharityClock charity,
            DocumentProperties properties) {
        this.documents = documents;
        this.versions = versions;
        this.chunks = chunks;
        this.policy = policy;
        this.currentUser = currentUser;
        this.staff = staff;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
        this.properties = properties;
    }

    /** The largest file accepted, for the upload field's own limit. */
    public long maxSize() {
        return properties.maxSize().toBytes();
    }

    /**
     * Adds a document to a client, with its first version.
     *
     * @throws InvalidFields naming {@code category}, {@code title} or {@code date}
     * @throws InvalidFields naming {@link #FILE} when the content is empty, too large or of a type not accepted
     */
    public DocumentRow add(String clientCode, NewDocument document, InputStream content) {
        var client = policy.requireChange(clientCode, RECORD);
        var errors = new HashMap<String, String>();
        if (document.category() == null) {
            errors.put("category", CATEGORY_NEEDED);
        }
        if (Text.isBlank(document.title())) {
            errors.put("title", TITLE_NEEDED);
        } else {
            var problem = Text.lengthProblem(document.title(), Text.LINE);
            if (problem != null) {
                errors.put("title", problem);
            }
        }
        checkDate(document.date(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        var id = UUID.randomUUID();
        var me = currentUser.require().accountId();
        documents.saveAndFlush(new ClientDocument(
                id,
                client.id().value(),
                client.code(),
                Objects.requireNonNull(document.category()),
                Objects.requireNonNull(encryption.seal(
                        Objects.requireNonNull(document.title()).strip(), DocumentColumns.TITLE.forRow(id))),
                me,
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.CREATE, RECORD, id.toString()).forClient(client.code()));
        store(client, id, 1, Objects.requireNonNull(document.date()), document.fileName(), content);
        return rows(List.of(documents.getReferenceById(id))).getFirst();
    }

    /**
     * Adds a new version of a document; the earlier versions stay as they were.
     *
     * @throws InvalidFields naming {@code date}
     * @throws InvalidFields naming {@link #FILE} when the content is empty, too large or of a type not accepted
     */
    public DocumentRow addVersion(
            UUID documentId, @Nullable LocalDate date, @Nullable String fileName, InputStream content) {
        var document = documents
                .findById(Objects.requireNonNull(documentId, "documentId"))
                .orElseThrow(() -> policy.refuseMissing(RECORD, documentId.toString()));
        var client = policy.requireChange(new ClientId(document.clientId()), RECORD, documentId.toString());
        var errors = new HashMap<String, String>();
        checkDate(date, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        store(client, documentId, versions.lastNumber(documentId) + 1, Objects.requireNonNull(date), fileName, content);
        return rows(List.of(document)).getFirst();
    }

    /** A client's documents, newest first, each with its versions. Audited as a view. */
    public List<DocumentRow> ofClient(String clientCode) {
        var client = policy.require(clientCode);
        var found = documents.findByClientIdOrderByCreatedAtDesc(client.id().value());
        policy.recordView(
                client,
                AuditEvent.of(AuditAction.VIEW, "client-documents", client.code())
                        .forClient(client.code()));
        return rows(found);
    }

    /**
     * Writes one version's content to the target, after need-to-know; audited as an export (download) or a
     * view (preview in the page).
     */
    public DocumentFile download(UUID versionId, boolean preview, DownloadTarget target) {
        var version = versions.findById(Objects.requireNonNull(versionId, "versionId"))
                .orElseThrow(() -> policy.refuseMissing("client-document-version", versionId.toString()));
        var document = documents
                .findById(version.documentId())
                .orElseThrow(() -> policy.refuseMissing("client-document-version", versionId.toString()));
        var client = policy.require(new ClientId(document.clientId()), "client-document-version", versionId.toString());
        audit.record(AuditEvent.of(
                        preview ? AuditAction.VIEW : AuditAction.EXPORT,
                        "client-document-version",
                        versionId.toString())
                .forClient(client.code())
                .because(preview ? "preview" : "download"));
        var file = new DocumentFile(
                Objects.requireNonNull(
                        encryption.open(version.fileName(), DocumentColumns.FILE_NAME.forRow(versionId))),
                version.mediaType(),
                version.sizeBytes());
        try (var out = target.open(file)) {
            for (int seq = 0; seq < version.chunks(); seq++) {
                int at = seq;
                var sealed = chunks.body(versionId, seq)
                        .orElseThrow(() -> new IllegalStateException(
                                "Chunk " + at + " of document version " + versionId + " is missing"));
                out.write(encryption.openBytes(
                        sealed, DocumentColumns.chunk(versionId, seq, seq == version.chunks() - 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The document could not be sent", e);
        }
        return file;
    }

    private void checkDate(@Nullable LocalDate date, Map<String, String> errors) {
        if (date == null) {
            errors.put("date", DATE_NEEDED);
            return;
        }
        var problem = DateRange.PLANNING.problem(date, charity.today());
        if (problem != null) {
            errors.put("date", problem);
        }
    }

    private void store(
            ClientAccess client,
            UUID documentId,
            int number,
            LocalDate date,
            @Nullable String fileName,
            InputStream content) {
        var name = Text.isBlank(fileName)
                ? "document"
                : Objects.requireNonNull(fileName).strip();
        if (name.length() > Text.LINE) {
            name = name.substring(name.length() - Text.LINE);
        }
        var versionId = UUID.randomUUID();
        try {
            var in = new BufferedInputStream(content, CHUNK);
            var type = DocumentTypes.detect(in, name);
            if (!DocumentTypes.ACCEPTED.contains(type)) {
                throw new InvalidFields(FILE, WRONG_TYPE);
            }
            var version = versions.saveAndFlush(new DocumentVersion(
                    versionId,
                    documentId,
                    number,
                    date,
                    type,
                    0,
                    0,
                    Objects.requireNonNull(encryption.seal(name, DocumentColumns.FILE_NAME.forRow(versionId))),
                    currentUser.require().accountId(),
                    clock.instant()));
            long max = maxSize();
            long size = 0;
            int seq = 0;
            var current = in.readNBytes(CHUNK);
            if (current.length == 0) {
                throw new InvalidFields(FILE, EMPTY);
            }
            while (true) {
                size += current.length;
                if (size > max) {
                    throw new InvalidFields(FILE, tooLarge());
                }
                var next = current.length < CHUNK ? new byte[0] : in.readNBytes(CHUNK);
                boolean last = next.length == 0;
                chunks.insert(
                        versionId, seq, encryption.sealBytes(current, DocumentColumns.chunk(versionId, seq, last)));
                seq++;
                if (last) {
                    break;
                }
                current = next;
            }
            version.complete(size, seq);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
        audit.record(AuditEvent.of(AuditAction.CREATE, "client-document-version", versionId.toString())
                .forClient(client.code()));
    }

    String tooLarge() {
        return "The file is larger than " + properties.maxSize().toMegabytes() + " MB, the most a document may be.";
    }

    private List<DocumentRow> rows(Collection<ClientDocument> found) {
        var ids = found.stream().map(ClientDocument::id).toList();
        var byDocument = versions.findByDocumentIdInOrderByNumberDesc(ids).stream()
                .collect(Collectors.groupingBy(DocumentVersion::documentId));
        var people = new HashSet<Long>();
        byDocument.values().forEach(vs -> vs.forEach(v -> people.add(v.uploadedBy())));
        var names = staff.displayNames(people);
        return found.stream()
                .filter(d -> byDocument.containsKey(d.id()))
                .map(d -> new DocumentRow(
                        d.id(),
                        d.category(),
                        Objects.requireNonNull(encryption.open(d.title(), DocumentColumns.TITLE.forRow(d.id()))),
                        byDocument.get(d.id()).stream()
                                .map(v -> new DocumentRow.VersionRow(
                                        v.id(),
                                        v.number(),
                                        v.documentDate(),
                                        Objects.requireNonNull(encryption.open(
                                                v.fileName(), DocumentColumns.FILE_NAME.forRow(v.id()))),
                                        v.mediaType(),
                                        v.sizeBytes(),
                                        names.getOrDefault(v.uploadedBy(), "?"),
                                        v.uploadedAt()))
                                .toList()))
                .toList();
    }
}
