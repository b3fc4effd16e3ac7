package org.casebook.encryption;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The storage type matters here: ciphertext in PostgreSQL {@code bytea}, and the job's SQL on it. */
class FieldEncryptionPostgresTest extends PostgresTest {

    @Autowired
    FieldEncryption encryption;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyTable() {
        TestNotes.deleteAll(jdbc);
    }

    @Test
    void sealedTextRoundTripsThroughAByteaColumn() {
        assertThat(jdbc.queryForList(
                        "select data_type from information_schema.columns where table_name = "
                                + "'encryption_test_note' and column_name in ('summary', 'detail')",
                        String.class))
                .containsExactly("bytea", "bytea");
        var text = PlantedMarkers.plant("postgres") + " — risk notes, line one\nline two";
        var id = TestNotes.insert(jdbc, encryption, "C-P001", text, null);
        assertThat(TestNotes.open(jdbc, encryption, TestNotes.SUMMARY, id)).isEqualTo(text);
        assertThat(TestNotes.open(jdbc, encryption, TestNotes.DETAIL, id)).isNull();
    }

    @Test
    void theStoredBytesNeverContainThePlaintext() {
        var marker = PlantedMarkers.plant("postgres-raw");
        var id = TestNotes.insert(jdbc, encryption, "C-P002", marker, "Themes: " + marker);
        assertThat(FieldEncryptionTest.holdsText(TestNotes.raw(jdbc, TestNotes.SUMMARY, id), marker))
                .isFalse();
        assertThat(FieldEncryptionTest.holdsText(TestNotes.raw(jdbc, TestNotes.DETAIL, id), marker))
                .isFalse();
        // Searched by PostgreSQL itself, as bytes and as text.
        var search = "select count(*) from encryption_test_note where position(? in summary) > 0 "
                + "or position(? in detail) > 0 or encode(summary, 'escape') like ? or encode(detail, 'escape') like ?";
        Object[] needle = {marker.getBytes(UTF_8), marker.getBytes(UTF_8), "%" + marker + "%", "%" + marker + "%"};
        assertThat(jdbc.queryForObject(search, Long.class, needle)).isZero();

        // Not vacuous: stored without sealing, the same search finds it.
        TestNotes.setRaw(jdbc, TestNotes.DETAIL, id, marker.getBytes(UTF_8));
        assertThat(jdbc.queryForObject(search, Long.class, needle)).isOne();
    }

    @Test
    void valuesSwappedBetweenRowsDoNotOpen() {
        var first = TestNotes.insert(jdbc, encryption, "C-P003", PlantedMarkers.plant("pg-first"), null);
        var second = TestNotes.insert(jdbc, encryption, "C-P004", PlantedMarkers.plant("pg-second"), null);
        jdbc.update(
                "update encryption_test_note a set summary = b.summary from encryption_test_note b "
                        + "where a.id in (?, ?) and b.id in (?, ?) and a.id <> b.id",
                first,
                second,
                first,
                second);

        for (var id : List.of(first, second)) {
            assertThatThrownBy(() -> TestNotes.open(jdbc, encryption, TestNotes.SUMMARY, id))
                    .isInstanceOf(FieldDecryptionException.class)
                    .hasMessageStartingWith("Cannot decrypt encryption_test_note.summary of row " + id);
        }
    }

    @Test
    void reEncryptionMovesEveryValueToThePrimaryKey() {
        var oldKeyset = Keysets.generate();
        var before = new FieldEncryption(oldKeyset);
        var after = new FieldEncryption(Keysets.withNewPrimary(oldKeyset));
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 5; i++) {
            ids.add(TestNotes.insert(jdbc, before, "C-P1" + i, PlantedMarkers.plant("pg-rotate-" + i), "detail " + i));
        }
        var job = new ReEncryption(
                after, new EncryptedColumns(List.of(TestNotes.SUMMARY, TestNotes.DETAIL)), jdbc, transactions, 2);

        assertThat(job.run()).isTrue();

        assertThat(TestNotes.onKey(jdbc, TestNotes.SUMMARY, before.primaryKeyPrefix()))
                .isZero();
        assertThat(TestNotes.onKey(jdbc, TestNotes.DETAIL, before.primaryKeyPrefix()))
                .isZero();
        assertThat(TestNotes.onKey(jdbc, TestNotes.SUMMARY, after.primaryKeyPrefix()))
                .isEqualTo(5);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(TestNotes.open(jdbc, after, TestNotes.DETAIL, ids.get(i)))
                    .isEqualTo("detail " + i);
        }
    }
}
