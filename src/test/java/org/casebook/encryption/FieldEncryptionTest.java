package org.casebook.encryption;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class FieldEncryptionTest {

    @Autowired
    FieldEncryption encryption;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyTable() {
        TestNotes.deleteAll(jdbc);
    }

    @Test
    void sealedTextOpensAgainInItsOwnPlace() {
        var text = PlantedMarkers.plant("round-trip") + " Ålesund – “quoted”, ✓\nsecond line";
        var id = TestNotes.insert(jdbc, encryption, "C-1001", text, "");
        assertThat(TestNotes.open(jdbc, encryption, TestNotes.SUMMARY, id)).isEqualTo(text);
        assertThat(TestNotes.open(jdbc, encryption, TestNotes.DETAIL, id)).isEmpty();
    }

    @Test
    void nullStaysNull() {
        var id = TestNotes.insert(jdbc, encryption, "C-1002", null, null);
        assertThat(TestNotes.raw(jdbc, TestNotes.SUMMARY, id)).isNull();
        assertThat(TestNotes.open(jdbc, encryption, TestNotes.SUMMARY, id)).isNull();
        assertThat(encryption.seal(null, TestNotes.SUMMARY.forRow(id))).isNull();
        assertThat(encryption.open(null, TestNotes.SUMMARY.forRow(id))).isNull();
    }

    @Test
    void theSameTextSealedTwiceLooksDifferentAndCarriesThePrimaryKeyId() {
        var context = TestNotes.SUMMARY.forRow(UUID.randomUUID());
        var text = PlantedMarkers.plant("twice");
        var first = encryption.seal(text, context);
        var second = encryption.seal(text, context);
        assertThat(first).isNotEqualTo(second);
        assertThat(FieldEncryption.keyIdOf(first)).isEqualTo(encryption.primaryKeyId());
        assertThat(first).startsWith(encryption.primaryKeyPrefix());
    }

    @Test
    void alteredCiphertextIsRejectedNamingThePlaceNotTheContent() {
        var text = PlantedMarkers.plant("tampered");
        var id = TestNotes.insert(jdbc, encryption, "C-1003", text, null);
        var altered = TestNotes.raw(jdbc, TestNotes.SUMMARY, id);
        altered[altered.length / 2] ^= 1;
        TestNotes.setRaw(jdbc, TestNotes.SUMMARY, id, altered);

        var failure = catchThrowableOfType(
                FieldDecryptionException.class, () -> TestNotes.open(jdbc, encryption, TestNotes.SUMMARY, id));
        assertThat(failure.getMessage())
                .isEqualTo("Cannot decrypt encryption_test_note.summary of row " + id
                        + ": it was altered, or copied here from another row or column");
        assertThat(failure.context()).isEqualTo(TestNotes.SUMMARY.forRow(id));
        assertThat(failure.getMessage()).doesNotContain(text);
    }

    @Test
    void truncatedOrForeignBytesAreRejected() {
        var context = TestNotes.SUMMARY.forRow(UUID.randomUUID());
        var sealed = encryption.seal("short note", context);
        assertThatThrownBy(() -> encryption.open(Arrays.copyOf(sealed, sealed.length - 1), context))
                .isInstanceOf(FieldDecryptionException.class);
        assertThatThrownBy(() -> encryption.open("plain text".getBytes(UTF_8), context))
                .isInstanceOf(FieldDecryptionException.class)
                .hasMessageEndingWith("no key id)");
    }

    @Test
    void ciphertextMovedToAnotherRowIsRejected() {
        var aliceText = PlantedMarkers.plant("row-a");
        var alice = TestNotes.insert(jdbc, encryption, "C-2001", aliceText, null);
        var bob = TestNotes.insert(jdbc, encryption, "C-2002", PlantedMarkers.plant("row-b"), null);
        jdbc.update(
                "update encryption_test_note set summary = (select summary from encryption_test_note where id = ?) "
                        + "where id = ?",
                alice,
                bob);

        assertThatThrownBy(() -> TestNotes.open(jdbc, encryption, TestNotes.SUMMARY, bob))
                .isInstanceOf(FieldDecryptionException.class)
                .hasMessageStartingWith("Cannot decrypt encryption_test_note.summary of row " + bob + ":")
                .message()
                .doesNotContain(aliceText);
        assertThat(TestNotes.open(jdbc, encryption, TestNotes.SUMMARY, alice)).isEqualTo(aliceText);
    }

    @Test
    void ciphertextMovedToAnotherColumnIsRejected() {
        var id = TestNotes.insert(jdbc, encryption, "C-3001", PlantedMarkers.plant("column"), null);
        jdbc.update("update encryption_test_note set detail = summary where id = ?", id);

        assertThatThrownBy(() -> TestNotes.open(jdbc, encryption, TestNotes.DETAIL, id))
                .isInstanceOf(FieldDecryptionException.class)
                .hasMessageStartingWith("Cannot decrypt encryption_test_note.detail of row " + id + ":");
    }

    @Test
    void ciphertextMovedToAnotherTableIsRejected() {
        var id = UUID.randomUUID();
        var sealed =
                encryption.seal(PlantedMarkers.plant("table"), new FieldContext("client", "summary", id.toString()));
        assertThatThrownBy(() -> encryption.open(sealed, new FieldContext("referral", "summary", id.toString())))
                .isInstanceOf(FieldDecryptionException.class)
                .hasMessageStartingWith("Cannot decrypt referral.summary of row " + id);
    }

    @Test
    void ciphertextFromAKeyThisKeysetDoesNotHoldIsReportedAsSuch() {
        var stranger = new FieldEncryption(Keysets.generate());
        var context = TestNotes.SUMMARY.forRow(UUID.randomUUID());
        var sealed = stranger.seal(PlantedMarkers.plant("unknown-key"), context);
        assertThatThrownBy(() -> encryption.open(sealed, context))
                .isInstanceOf(FieldDecryptionException.class)
                .hasMessageContaining("encrypted with key " + Integer.toUnsignedString(stranger.primaryKeyId())
                        + ", which this keyset does not hold");
    }

    @Test
    void theRawColumnReadThroughJdbcNeverContainsThePlaintext() {
        var marker = PlantedMarkers.plant("raw-column");
        var id = TestNotes.insert(jdbc, encryption, "C-4001", "Presentation: " + marker, marker);
        for (var column : List.of(TestNotes.SUMMARY, TestNotes.DETAIL)) {
            var raw = TestNotes.raw(jdbc, column, id);
            assertThat(holdsText(raw, marker)).as(column.qualifiedName()).isFalse();
        }
        assertThat(jdbc.queryForObject("select client_code from encryption_test_note where id = ?", String.class, id))
                .as("clear metadata stays readable")
                .isEqualTo("C-4001");

        // The check is not vacuous: the same bytes stored without sealing are found.
        TestNotes.setRaw(jdbc, TestNotes.DETAIL, id, marker.getBytes(UTF_8));
        assertThat(holdsText(TestNotes.raw(jdbc, TestNotes.DETAIL, id), marker)).isTrue();
    }

    @Test
    void placesAreLowerCaseSqlNamesAndARowId() {
        assertThatThrownBy(() -> new FieldContext("Client", "summary", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldContext("client", "summary; drop table client", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldContext("client", "summary", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncryptedColumn("client", "", "summary"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aColumnDeclaredTwiceIsRefused() {
        assertThatThrownBy(() -> new EncryptedColumns(
                        List.of(TestNotes.SUMMARY, new EncryptedColumn("encryption_test_note", "id", "summary"))))
                .hasMessage("The encrypted column encryption_test_note.summary is declared twice");
    }

    @Test
    void theApplicationDeclaresTheTestColumnsToTheJob(@Autowired EncryptedColumns columns) {
        assertThat(columns.all()).contains(TestNotes.DETAIL, TestNotes.SUMMARY);
    }

    /** The text in any plausible encoding: UTF-8, Latin-1 (one byte per char) or base64 of its UTF-8. */
    static boolean holdsText(byte[] raw, String text) {
        var bytes = new String(raw, ISO_8859_1);
        return new String(raw, UTF_8).contains(text)
                || bytes.contains(new String(text.getBytes(UTF_8), ISO_8859_1))
                || bytes.contains(Base64.getEncoder().encodeToString(text.getBytes(UTF_8)));
    }
}
