package org.casebook.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.casebook.MutableClock;
import org.casebook.PostgresTest;
import org.casebook.audit.AuditService;
import org.casebook.encryption.EncryptedColumn;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.ReAuthentication;
import org.casebook.security.RunAsStaff;
import org.casebook.security.TestCodes;
import org.casebook.time.CharityClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Anonymisation on PostgreSQL, the production database, with its write-once triggers and the application role's
 * grants: after a supervisor approves, no column of any table holds the client's name, contact details or any
 * planted marker (in clear, as raw bytes, or decrypted), none of the ciphertexts that held them is left anywhere,
 * the code and the counts stay, and the audit log still verifies.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "casebook.retention.cron=-")
class AnonymisationPostgresTest extends PostgresTest {

    @Autowired
    FullRecord fullRecord;

    @Autowired
    RetentionSweep sweep;

    @Autowired
    RetentionService retention;

    @Autowired
    ReAuthentication reAuthentication;

    @Autowired
    AuditService auditService;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    MutableClock clock;

    @Autowired
    CharityClock charity;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldEncryption encryption;

    @Autowired
    ObjectProvider<EncryptedColumn> columns;

    private static final List<String> COUNTED = List.of(
            "select count(*) from appointment where client_id = ?",
            "select count(*) from session_note where client_id = ?",
            "select count(*) from session_note_addendum d join session_note n on n.id = d.note_id where n.client_id = ?",
            "select count(*) from core10_score where client_id = ?",
            "select count(*) from risk_plan_version v join risk_plan p on p.id = v.plan_id where p.client_id = ?",
            "select count(*) from risk_review where client_id = ?",
            "select count(*) from safeguarding_concern where client_id = ?",
            "select count(*) from safeguarding_decision d join safeguarding_concern c on c.id = d.concern_id "
                    + "where c.client_id = ? and d.outcome = 'POLICE'",
            "select count(*) from client_history where client_id = ?");

    @Test
    void approvedAnonymisationLeavesNoNameContactDetailOrMarkerInAnyColumnOfAnyTableAndTheAuditLogStillVerifies() {
        var planted = fullRecord.closed();
        var scan = new DatabaseScan(jdbc, encryption, columns.stream().toList());
        var counts = COUNTED.stream()
                .map(sql -> jdbc.queryForObject(sql, Long.class, planted.id().value()))
                .toList();

        // The scan finds what was planted before, so an empty result afterwards means something.
        var before = scan.find(planted.everything());
        assertThat(before)
                .anyMatch(f -> f.startsWith("session_note.themes"))
                .anyMatch(f -> f.startsWith("client.preferred_name"))
                .anyMatch(f -> f.startsWith("safeguarding_decision.reference:"));
        var ciphertexts = scan.ciphertextsHolding(planted.everything());
        assertThat(before)
                .anyMatch(f -> f.startsWith("task.title"))
                .anyMatch(f -> f.startsWith("client_contact_log.summary"))
                .anyMatch(f -> f.startsWith("client_document.title"));
        var chunks =
                "select count(*) from client_document_chunk k join client_document_version v on v.id = k.version_id "
                        + "join client_document d on d.id = v.document_id where d.client_id = ?";
        assertThat(jdbc.queryForObject(chunks, Long.class, planted.id().value()))
                .isPositive();
        assertThat(ciphertexts).hasSizeGreaterThan(30);

        // A concern referred to the police keeps the case for 25 years after closure.
        clock.advance(Duration.ofDays(366L * 25));
        sweep.findDue(charity.today());
        var review = runAs.as("supervisor", () -> retention.pending()).stream()
                .filter(c -> c.clientCode().equals(planted.code()))
                .findFirst()
                .orElseThrow();
        assertThat(review.rule()).isEqualTo(RetentionRule.SAFEGUARDING_REFERRED);
        clock.advance(Duration.ofMinutes(1));
        runAs.as("supervisor", () -> {
            reAuthentication.confirm("casebook-demo-2026", TestCodes.code(TestCodes.DEMO_SECRET, clock.instant()));
            retention.approve(review.id());
        });

        assertThat(scan.find(planted.everything()))
                .as("names, contact details and markers left")
                .isEmpty();
        assertThat(scan.whereStill(ciphertexts)).as("orphaned ciphertext left").isEmpty();
        assertThat(jdbc.queryForObject(chunks, Long.class, planted.id().value()))
                .as("a document's sealed content")
                .isZero();
        assertThat(jdbc.queryForMap(
                        "select code, status, anonymised_on from client where id = ?",
                        planted.id().value()))
                .containsEntry("code", planted.code())
                .containsEntry("status", "CLOSED")
                .extractingByKey("anonymised_on")
                .isNotNull();
        assertThat(COUNTED.stream()
                        .map(sql -> jdbc.queryForObject(
                                sql, Long.class, planted.id().value()))
                        .toList())
                .as("what the dashboard and reports count")
                .isEqualTo(counts);
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where client_ref = ? order by seq",
                        String.class,
                        planted.code()))
                .contains("RETENTION_DUE", "RETENTION_APPROVED", "ANONYMISED");
        assertThat(runAs.as("admin", () -> auditService.verify()).intact()).isTrue();
    }

    @Autowired
    DataRequestService requests;

    @Autowired
    SubjectAccessService subjectAccess;

    /** An audited read is a write: each of this module's reads runs on PostgreSQL, outside read-only transactions. */
    @Test
    void everyAuditedReadAndTheExportWorkOnPostgresql() {
        var planted = fullRecord.active();
        runAs.as("supervisor", () -> {
            var request = requests.log(planted.code(), RequestKind.SUBJECT_ACCESS, charity.today());
            assertThat(requests.open()).anyMatch(r -> r.id().equals(request));
            assertThat(requests.forClient(planted.code())).hasSize(1);
            assertThat(requests.rectifications(planted.code())).isEmpty();
            assertThat(retention.holds()).noneMatch(h -> h.clientCode().equals(planted.code()));
            assertThat(retention.pending()).noneMatch(c -> c.clientCode().equals(planted.code()));
            assertThat(subjectAccess.review(request).items()).hasSizeGreaterThan(40);
            clock.advance(Duration.ofMinutes(1));
            reAuthentication.confirm("casebook-demo-2026", TestCodes.code(TestCodes.DEMO_SECRET, clock.instant()));
            assertThat(subjectAccess.export(request).zip()).isNotEmpty();
        });
    }

    @Test
    void writeOnceRecordsStillRefuseEveryChangeOutsideAnonymisationAndAnonymisationCannotWriteNewContent() {
        var planted = fullRecord.active();
        var concern = jdbc.queryForObject(
                "select m.concern_id from safeguarding_comment m "
                        + "join safeguarding_concern c on c.id = m.concern_id where c.client_id = ?",
                java.util.UUID.class,
                planted.id().value());
        var decision = jdbc.queryForObject(
                "select d.id from safeguarding_decision d join safeguarding_concern c "
                        + "on c.id = d.concern_id where c.client_id = ?",
                java.util.UUID.class,
                planted.id().value());
        // Without the switch: blanking a reference is refused, as any change is.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("update safeguarding_decision set reference = '' where id = ?", decision))
                .rootCause()
                .hasMessageContaining("write-once");
        // With the switch, only blanking passes: new content and deletes are still refused.
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    jdbc.queryForObject("select set_config('casebook.anonymising', 'on', true)", String.class);
                    jdbc.update("update safeguarding_decision set reference = 'rewritten' where id = ?", decision);
                }))
                .rootCause()
                .hasMessageContaining("write-once");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    jdbc.queryForObject("select set_config('casebook.anonymising', 'on', true)", String.class);
                    jdbc.update("delete from safeguarding_comment where concern_id = ?", concern);
                }))
                .rootCause()
                .hasMessageContaining("write-once");
        tx.executeWithoutResult(s -> {
            jdbc.queryForObject("select set_config('casebook.anonymising', 'on', true)", String.class);
            assertThat(jdbc.update("update safeguarding_decision set reference = '' where id = ?", decision))
                    .isEqualTo(1);
            s.setRollbackOnly();
        });
        // The switch lasts one transaction only.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("update safeguarding_decision set reference = '' where id = ?", decision))
                .rootCause()
                .hasMessageContaining("write-once");
        assertThat(jdbc.queryForObject(
                        "select reference from safeguarding_decision where id = ?", String.class, decision))
                .startsWith(FullRecord.PREFIX);
    }
}
