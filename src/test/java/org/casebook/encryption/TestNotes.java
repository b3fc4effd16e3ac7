package org.casebook.encryption;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The test-only table {@code encryption_test_note} (created by {@code db/testfixtures}, test profile only),
 * shaped like a clinical table: an application-assigned UUID, a client code in clear, two encrypted
 * columns. Its columns are declared like a clinical module would, so the re-encryption job finds them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class TestNotes {

    static final EncryptedColumn SUMMARY = new EncryptedColumn("encryption_test_note", "id", "summary");
    static final EncryptedColumn DETAIL = new EncryptedColumn("encryption_test_note", "id", "detail");

    @Bean
    EncryptedColumn testNoteSummaryColumn() {
        return SUMMARY;
    }

    @Bean
    EncryptedColumn testNoteDetailColumn() {
        return DETAIL;
    }

    /** Inserts a note the way a clinical service would: sealed for its own row and column. */
    static UUID insert(
            JdbcTemplate jdbc,
            FieldEncryption encryption,
            String clientCode,
            @Nullable String summary,
            @Nullable String detail) {
        var id = UUID.randomUUID();
        jdbc.update(
                "insert into encryption_test_note (id, client_code, summary, detail) values (?, ?, ?, ?)",
                id,
                clientCode,
                encryption.seal(summary, SUMMARY.forRow(id)),
                encryption.seal(detail, DETAIL.forRow(id)));
        return id;
    }

    static byte @Nullable [] raw(JdbcTemplate jdbc, EncryptedColumn column, UUID id) {
        return jdbc.queryForObject(
                "select " + column.column() + " from encryption_test_note where id = ?", (rs, n) -> rs.getBytes(1), id);
    }

    static void setRaw(JdbcTemplate jdbc, EncryptedColumn column, UUID id, byte @Nullable [] value) {
        jdbc.update("update encryption_test_note set " + column.column() + " = ? where id = ?", value, id);
    }

    static @Nullable String open(JdbcTemplate jdbc, FieldEncryption encryption, EncryptedColumn column, UUID id) {
        return encryption.open(raw(jdbc, column, id), column.forRow(id));
    }

    static long onKey(JdbcTemplate jdbc, EncryptedColumn column, byte[] prefix) {
        var count = jdbc.queryForObject(
                "select count(*) from encryption_test_note where substring(" + column.column() + " from 1 for 5) = ?",
                Long.class,
                (Object) prefix);
        return count == null ? 0 : count;
    }

    static void deleteAll(JdbcTemplate jdbc) {
        jdbc.update("delete from encryption_test_note");
    }
}
