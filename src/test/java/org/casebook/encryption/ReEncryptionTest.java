package org.casebook.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Key rotation and the re-encryption job on the real context and database. Each test makes its own
 * "before" and "after rotation" keysets, as a restart with a rotated keyset file would.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class ReEncryptionTest {

    private static final EncryptedColumns TEST_COLUMNS =
            new EncryptedColumns(List.of(TestNotes.SUMMARY, TestNotes.DETAIL));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private static final KeysetHandle OLD_KEYSET = Keysets.generate();

    final FieldEncryption beforeRotation = new FieldEncryption(OLD_KEYSET);
    final FieldEncryption afterRotation = new FieldEncryption(Keysets.withNewPrimary(OLD_KEYSET));

    @BeforeEach
    void emptyTable() {
        TestNotes.deleteAll(jdbc);
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewValuesUseTheNewKey() {
        var oldText = PlantedMarkers.plant("old-key");
        var newText = PlantedMarkers.plant("new-key");
        var old = TestNotes.insert(jdbc, beforeRotation, "C-5001", oldText, null);
        var fresh = TestNotes.insert(jdbc, afterRotation, "C-5002", newText, null);

        assertThat(afterRotation.primaryKeyId()).isNotEqualTo(beforeRotation.primaryKeyId());
        assertThat(TestNotes.open(jdbc, afterRotation, TestNotes.SUMMARY, old)).isEqualTo(oldText);
        assertThat(TestNotes.open(jdbc, afterRotation, TestNotes.SUMMARY, fresh))
                .isEqualTo(newText);
        assertThat(FieldEncryption.keyIdOf(TestNotes.raw(jdbc, TestNotes.SUMMARY, fresh)))
                .isEqualTo(afterRotation.primaryKeyId());
    }

    @Test
    void reEncryptionLeavesNoValueOnTheOldKeyAndReportsProgress(CapturedOutput output) {
        var texts = new ArrayList<String>();
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 7; i++) {
            var text = PlantedMarkers.plant("reencrypt-" + i);
            texts.add(text);
            ids.add(TestNotes.insert(jdbc, beforeRotation, "C-60" + i, text, i % 2 == 0 ? text + " detail" : null));
        }
        var newer = TestNotes.insert(jdbc, afterRotation, "C-6100", "already on the new key", null);
        var oldPrefix = beforeRotation.primaryKeyPrefix();
        assertThat(TestNotes.onKey(jdbc, TestNotes.SUMMARY, oldPrefix)).isEqualTo(7);

        assertThat(job(afterRotation, 3).run()).isTrue();

        assertThat(TestNotes.onKey(jdbc, TestNotes.SUMMARY, oldPrefix)).isZero();
        assertThat(TestNotes.onKey(jdbc, TestNotes.DETAIL, oldPrefix)).isZero();
        assertThat(TestNotes.onKey(jdbc, TestNotes.SUMMARY, afterRotation.primaryKeyPrefix()))
                .isEqualTo(8);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(TestNotes.open(jdbc, afterRotation, TestNotes.SUMMARY, ids.get(i)))
                    .isEqualTo(texts.get(i));
            assertThat(TestNotes.open(jdbc, afterRotation, TestNotes.DETAIL, ids.get(i)))
                    .isEqualTo(i % 2 == 0 ? texts.get(i) + " detail" : null);
        }
        var moved = ids.getFirst();
        assertThatThrownBy(() -> TestNotes.open(jdbc, beforeRotation, TestNotes.SUMMARY, moved))
                .as("the old keyset alone can no longer read moved values")
                .isInstanceOf(FieldDecryptionException.class);
        assertThat(TestNotes.open(jdbc, afterRotation, TestNotes.SUMMARY, newer))
                .isEqualTo("already on the new key");

        assertThat(output.getOut())
                .contains(
                        "encryption_test_note.summary: 3/7 rows",
                        "encryption_test_note.summary: 6/7 rows",
                        "encryption_test_note.summary: 7/7 rows",
                        "encryption_test_note.detail: 4/4 rows",
                        "encryption_test_note.summary: done; 7 re-encrypted, 0 changed meanwhile by the application, "
                                + "0 could not be decrypted, 0 left on an old key",
                        "Every encrypted value is on the primary key "
                                + Integer.toUnsignedString(afterRotation.primaryKeyId()));
    }

    @Test
    void aValueTheApplicationSavesWhileTheJobRunsIsNotOverwritten() {
        var id = TestNotes.insert(jdbc, beforeRotation, "C-7001", PlantedMarkers.plant("before-save"), null);
        var savedMeanwhile = PlantedMarkers.plant("saved-meanwhile");
        // Between the job's read of a batch and its writes, the application saves a new value.
        var racing = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                var rows = super.query(sql, rowMapper, args);
                if (sql.startsWith("select id, summary")) {
                    TestNotes.setRaw(
                            this,
                            TestNotes.SUMMARY,
                            id,
                            afterRotation.seal(savedMeanwhile, TestNotes.SUMMARY.forRow(id)));
                }
                return rows;
            }
        };
        var result =
                new ReEncryption(afterRotation, TEST_COLUMNS, racing, transactions, 10).reencrypt(TestNotes.SUMMARY);

        assertThat(result.changedMeanwhile()).isOne();
        assertThat(result.reencrypted()).isZero();
        assertThat(result.leftOnOldKey()).isZero();
        assertThat(TestNotes.open(jdbc, afterRotation, TestNotes.SUMMARY, id)).isEqualTo(savedMeanwhile);
    }

    @Test
    void aValueThatDoesNotOpenInItsPlaceIsNamedLeftAsItIsAndFailsTheJob(CapturedOutput output) {
        var alice = TestNotes.insert(jdbc, beforeRotation, "C-8001", PlantedMarkers.plant("alice"), null);
        var bob = TestNotes.insert(jdbc, beforeRotation, "C-8002", PlantedMarkers.plant("bob"), null);
        var good = TestNotes.insert(jdbc, beforeRotation, "C-8003", PlantedMarkers.plant("good"), null);
        var swapped = TestNotes.raw(jdbc, TestNotes.SUMMARY, alice);
        TestNotes.setRaw(jdbc, TestNotes.SUMMARY, bob, swapped);

        assertThat(job(afterRotation, 500).run()).isFalse();

        assertThat(TestNotes.raw(jdbc, TestNotes.SUMMARY, bob))
                .as("left as it is")
                .isEqualTo(swapped);
        assertThat(FieldEncryption.keyIdOf(TestNotes.raw(jdbc, TestNotes.SUMMARY, good)))
                .isEqualTo(afterRotation.primaryKeyId());
        assertThat(output.getOut())
                .contains(
                        "Cannot decrypt encryption_test_note.summary of row " + bob
                                + ": it was altered, or copied here from another row or column; left as it is",
                        "1 value(s) are still on an old key");
    }

    @Test
    void withEveryValueOnThePrimaryKeyThereIsNothingToDo() {
        var id = TestNotes.insert(jdbc, afterRotation, "C-9001", PlantedMarkers.plant("current"), null);
        var before = TestNotes.raw(jdbc, TestNotes.SUMMARY, id);

        var result = job(afterRotation, 500).reencrypt(TestNotes.SUMMARY);

        assertThat(result.total()).isZero();
        assertThat(TestNotes.raw(jdbc, TestNotes.SUMMARY, id)).isEqualTo(before);
    }

    @Test
    void withNoDeclaredColumnsTheJobSucceedsAtOnce(CapturedOutput output) {
        var none = new ReEncryption(afterRotation, new EncryptedColumns(List.of()), jdbc, transactions, 500);
        assertThat(none.run()).isTrue();
        assertThat(output.getOut()).contains("No encrypted columns are declared; nothing to re-encrypt");
    }

    @Test
    void theApplicationsJobWalksEveryDeclaredColumn(@Autowired ReEncryption applicationJob, CapturedOutput output) {
        assertThat(applicationJob.run()).isTrue();
        assertThat(output.getOut()).contains("encryption_test_note.detail: done", "encryption_test_note.summary: done");
    }

    private ReEncryption job(FieldEncryption encryption, int batchSize) {
        return new ReEncryption(encryption, TEST_COLUMNS, jdbc, transactions, batchSize);
    }
}
