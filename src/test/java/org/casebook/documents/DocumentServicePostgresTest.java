package org.casebook.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.casebook.PostgresTest;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.TestClients;
import org.casebook.encryption.FieldDecryptionException;
import org.casebook.security.RunAsStaff;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "casebook.documents.max-size=3MB")
class DocumentServicePostgresTest extends PostgresTest {

    /** A marker that would show in the stored bytes if any chunk were kept in clear. */
    static final byte[] MARKER = "PLAINTEXT-MARKER-COURT-ORDER".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    DocumentService documents;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    CharityClock charity;

    @Autowired
    JdbcTemplate jdbc;

    /** A PDF of the given size: a real header, then the marker over and over (so it spans several chunks). */
    static byte[] pdf(int size) {
        var out = new byte[size];
        var header = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < size; i++) {
            out[i] = MARKER[i % MARKER.length];
        }
        System.arraycopy(header, 0, out, 0, header.length);
        return out;
    }

    private DocumentRow add(String code, byte[] content, String name) {
        return documents.add(
                code,
                new NewDocument(DocumentCategory.COURT_ORDER, "Order of the court (test)", charity.today(), name),
                new ByteArrayInputStream(content));
    }

    private byte[] download(UUID versionId) {
        var out = new ByteArrayOutputStream();
        documents.download(versionId, false, file -> out);
        return out.toByteArray();
    }

    @Test
    @WithUserDetails("counsellor1")
    void aDocumentStreamsInSealedChunksAndComesBackWhole() {
        var client = testClients.activeWith("counsellor1");
        var content = pdf(DocumentService.CHUNK * 2 + 12345);
        var saved = add(client.code(), content, "order.pdf");
        var version = saved.latest();
        assertThat(version.mediaType()).isEqualTo("application/pdf");
        assertThat(version.size()).isEqualTo(content.length);
        assertThat(jdbc.queryForObject(
                        "select chunks from client_document_version where id = ?", Integer.class, version.id()))
                .isEqualTo(3);
        for (var body : jdbc.queryForList(
                "select body from client_document_chunk where version_id = ?", byte[].class, version.id())) {
            assertThat(indexOf(body, MARKER))
                    .as("a chunk holds the file in clear")
                    .isNegative();
            assertThat(indexOf(body, "%PDF".getBytes(StandardCharsets.US_ASCII)))
                    .isNegative();
        }
        var title = jdbc.queryForObject("select title from client_document where id = ?", byte[].class, saved.id());
        assertThat(new String(title, StandardCharsets.ISO_8859_1)).doesNotContain("court");
        var name = jdbc.queryForObject(
                "select file_name from client_document_version where id = ?", byte[].class, version.id());
        assertThat(new String(name, StandardCharsets.ISO_8859_1)).doesNotContain("order");
        assertThat(download(version.id())).isEqualTo(content);
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where client_ref = ? and record_type like "
                                + "'client-document%' order by seq",
                        String.class, client.code()))
                .containsExactly("CREATE", "CREATE", "EXPORT");
    }

    @Test
    @WithUserDetails("counsellor1")
    void chunksMovedCutOffOrSwappedBetweenVersionsDoNotOpen() {
        var client = testClients.activeWith("counsellor1");
        var saved = add(client.code(), pdf(DocumentService.CHUNK + 10), "a.pdf");
        var versionId = saved.latest().id();
        jdbc.update("update client_document_version set chunks = 1 where id = ?", versionId);
        assertThatThrownBy(() -> download(versionId)).isInstanceOf(FieldDecryptionException.class);
        jdbc.update("update client_document_version set chunks = 2 where id = ?", versionId);
        jdbc.update("update client_document_chunk set seq = 5 where version_id = ? and seq = 0", versionId);
        jdbc.update("update client_document_chunk set seq = 0 where version_id = ? and seq = 1", versionId);
        jdbc.update("update client_document_chunk set seq = 1 where version_id = ? and seq = 5", versionId);
        assertThatThrownBy(() -> download(versionId)).isInstanceOf(FieldDecryptionException.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aRenamedExecutableIsRefusedFromItsContentAndNothingIsStored() {
        var client = testClients.activeWith("counsellor1");
        var exe = new byte[4096];
        new Random(7).nextBytes(exe);
        System.arraycopy("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0, 4);
        var pe = "PE\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        exe[0x3c] = (byte) 0x80;
        exe[0x3d] = 0;
        exe[0x3e] = 0;
        exe[0x3f] = 0;
        System.arraycopy(pe, 0, exe, 0x80, 4);
        var before = jdbc.queryForObject("select count(*) from client_document_chunk", Integer.class);
        assertThatThrownBy(() -> add(client.code(), exe, "court-letter.pdf"))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(DocumentService.FILE))
                .hasMessage(DocumentService.WRONG_TYPE);
        assertThatThrownBy(() ->
                        add(client.code(), "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII), "letter.docx"))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(DocumentService.FILE));
        assertThat(jdbc.queryForObject("select count(*) from client_document_chunk", Integer.class))
                .isEqualTo(before);
        assertThat(documents.ofClient(client.code())).isEmpty();
    }

    @Test
    @WithUserDetails("counsellor1")
    void imagesAndWordDocumentsAreAcceptedByTheirContent() throws Exception {
        var client = testClients.activeWith("counsellor1");
        var png = new byte[] {
            (byte) 0x89,
            'P',
            'N',
            'G',
            '\r',
            '\n',
            0x1a,
            '\n',
            0,
            0,
            0,
            13,
            'I',
            'H',
            'D',
            'R',
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            1,
            8,
            6,
            0,
            0,
            0
        };
        assertThat(add(client.code(), png, "scan").latest().mediaType()).isEqualTo("image/png");
        var docx = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(docx)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(add(client.code(), docx.toByteArray(), "letter.docx")
                        .latest()
                        .mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    @WithUserDetails("counsellor1")
    void theSizeLimitIsConfigurableAndAnEmptyFileIsRefused() {
        var client = testClients.activeWith("counsellor1");
        assertThatThrownBy(() -> add(client.code(), pdf(3 * 1024 * 1024 + 1), "big.pdf"))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(DocumentService.FILE))
                .hasMessageContaining("larger than 3 MB");
        assertThatThrownBy(() -> add(client.code(), new byte[0], "empty.pdf"))
                .isInstanceOfSatisfying(
                        InvalidFields.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(DocumentService.FILE));
        assertThatThrownBy(() -> documents.add(
                        client.code(), new NewDocument(null, " ", null, "x.pdf"), new ByteArrayInputStream(pdf(100))))
                .isInstanceOfSatisfying(InvalidFields.class, e -> {
                    assertThat(e.messageFor("category")).isEqualTo(DocumentService.CATEGORY_NEEDED);
                    assertThat(e.messageFor("title")).isEqualTo(DocumentService.TITLE_NEEDED);
                    assertThat(e.messageFor("date")).isEqualTo(DocumentService.DATE_NEEDED);
                });
    }

    @Test
    @WithUserDetails("counsellor1")
    void aNewVersionNeverOverwritesTheOldOne() {
        var client = testClients.activeWith("counsellor1");
        var first = pdf(1000);
        var saved = add(client.code(), first, "v1.pdf");
        var second = pdf(2000);
        var updated = documents.addVersion(saved.id(), charity.today(), "v2.pdf", new ByteArrayInputStream(second));
        assertThat(updated.versions())
                .extracting(DocumentRow.VersionRow::number)
                .containsExactly(2, 1);
        assertThat(download(updated.versions().get(1).id())).isEqualTo(first);
        assertThat(download(updated.latest().id())).isEqualTo(second);
    }

    @Test
    @WithUserDetails("counsellor1")
    void everyDocumentFollowsNeedToKnow() {
        var client = testClients.activeWith("counsellor1");
        var saved = add(client.code(), pdf(500), "x.pdf");
        var versionId = saved.latest().id();
        for (var outsider : List.of("counsellor2", "counsellor3", "supervisor2")) {
            assertThatThrownBy(() -> runAs.as(outsider, () -> documents.ofClient(client.code())))
                    .isInstanceOf(ClientAccessDenied.class);
            assertThatThrownBy(() -> runAs.as(outsider, () -> download(versionId)))
                    .isInstanceOf(ClientAccessDenied.class);
            assertThatThrownBy(() -> runAs.as(
                            outsider,
                            () -> documents.addVersion(
                                    saved.id(), charity.today(), "y.pdf", new ByteArrayInputStream(pdf(100)))))
                    .isInstanceOf(ClientAccessDenied.class);
        }
        assertThat(runAs.as("supervisor", () -> download(versionId))).hasSize(500);
        assertThatThrownBy(() -> runAs.as("admin", () -> download(versionId)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> download(UUID.randomUUID())).isInstanceOf(ClientAccessDenied.class);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
