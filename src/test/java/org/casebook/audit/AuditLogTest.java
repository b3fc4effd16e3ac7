package org.casebook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.casebook.security.SessionEnd;
import org.casebook.security.StaffService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class AuditLogTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditSequencer sequencer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    StaffService staff;

    @Autowired
    AuthenticationConfiguration authentication;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    SecurityContextHolderStrategy securityContext;

    private StoredEntry last() {
        return jdbc.queryForObject(
                "select " + StoredEntry.COLUMNS + " from audit_entry order by seq desc limit 1",
                (rs, n) -> StoredEntry.read(rs));
    }

    private long entries() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void recordsWhoActedInWhichRoleWhatAndOnWhichRecord() {
        transaction.executeWithoutResult(status -> auditLog.record(
                AuditEvent.of(AuditAction.VIEW, "client", "c-123").forClient("K7Q2M4")));
        var entry = last();
        assertThat(entry.actorUsername()).isEqualTo("counsellor1");
        assertThat(entry.actorRoles()).isEqualTo("COUNSELLOR");
        assertThat(entry.action()).isEqualTo("VIEW");
        assertThat(entry.recordType()).isEqualTo("client");
        assertThat(entry.recordId()).isEqualTo("c-123");
        assertThat(entry.clientRef()).isEqualTo("K7Q2M4");
        assertThat(entry.outcome()).isEqualTo("SUCCESS");
        assertThat(entry.writerId()).isNotBlank();
        assertThat(entry.writerSeq()).isPositive();
    }

    @Test
    void anEntryRollsBackWithTheActionItRecordsAndItsWriterNumberIsUsedAgain() {
        transaction.executeWithoutResult(
                status -> auditLog.record(AuditEvent.of(AuditAction.UPDATE, "client", "first")));
        var first = last();
        var before = entries();
        transaction.executeWithoutResult(status -> {
            auditLog.record(AuditEvent.of(AuditAction.UPDATE, "client", "rolled-back"));
            status.setRollbackOnly();
        });
        assertThat(entries()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where record_id = 'rolled-back'", Integer.class))
                .isZero();
        transaction.executeWithoutResult(
                status -> auditLog.record(AuditEvent.of(AuditAction.UPDATE, "client", "kept")));
        var kept = last();
        assertThat(kept.writerId()).isEqualTo(first.writerId());
        assertThat(kept.writerSeq()).isEqualTo(first.writerSeq() + 1);
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
    }

    @Test
    void theSequencerChainsCommittedEntriesIntoKeyedBlocks() {
        transaction.executeWithoutResult(
                status -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "to-chain")));
        sequencer.chainCommitted();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where block_no is null", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select block_no from audit_entry where record_id = 'to-chain'", Long.class))
                .isPositive();
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
        assertThat(result.unchained()).isZero();
    }

    @Test
    void entriesOfOneTransactionShareAWriterAndANestedTransactionTakesAnother() {
        transaction.executeWithoutResult(status -> {
            auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "outer-1"));
            var nested = new TransactionTemplate(transaction.getTransactionManager());
            nested.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
            nested.executeWithoutResult(inner -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "inner")));
            auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "outer-2"));
        });
        var rows = jdbc.queryForList("select record_id, writer_id, writer_seq from audit_entry where record_id in "
                + "('outer-1', 'inner', 'outer-2') order by seq");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("WRITER_ID"))
                .isEqualTo(rows.get(2).get("WRITER_ID"))
                .isNotEqualTo(rows.get(1).get("WRITER_ID"));
        assertThat((Long) rows.get(2).get("WRITER_SEQ"))
                .isEqualTo((Long) rows.get(0).get("WRITER_SEQ") + 1);
        var result = verifier.verify();
        assertThat(result.intact()).as(result.message()).isTrue();
    }

    @Test
    void signInSuccessAndFailureAreRecordedWithoutWhatWasTyped() throws Exception {
        var manager = authentication.getAuthenticationManager();
        manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("counsellor2", "casebook-demo-2026"));
        var success = last();
        assertThat(success.action()).isEqualTo("SIGN_IN_SUCCESS");
        assertThat(success.actorUsername()).isEqualTo("counsellor2");

        var typedPasswordAsUsername = "My-Secret-Passphrase-42";
        assertThatThrownBy(() -> manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(typedPasswordAsUsername, "x")));
        var unknown = last();
        assertThat(unknown.action()).isEqualTo("SIGN_IN_FAILURE");
        assertThat(unknown.outcome()).isEqualTo("FAILURE");
        assertThat(unknown.actorUsername()).isNull();
        assertThat(unknown.reason()).isEqualTo("unknown username");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where actor_username = ? or reason like ?",
                        Integer.class,
                        typedPasswordAsUsername,
                        "%" + typedPasswordAsUsername + "%"))
                .isZero();

        assertThatThrownBy(() -> manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("counsellor2", "wrong-password")));
        var wrong = last();
        assertThat(wrong.actorUsername()).isEqualTo("counsellor2");
        assertThat(wrong.reason()).isEqualTo("wrong password");
    }

    @Test
    @WithUserDetails("counsellor1")
    void aServiceCallRefusedByMethodSecurityIsRecorded() {
        assertThatThrownBy(() -> staff.myTeam()).isInstanceOf(AuthorizationDeniedException.class);
        var denied = last();
        assertThat(denied.action()).isEqualTo("ACCESS_DENIED");
        assertThat(denied.outcome()).isEqualTo("DENIED");
        assertThat(denied.recordType()).isEqualTo("service");
        assertThat(denied.recordId()).isEqualTo("StaffService.myTeam");
        assertThat(denied.actorUsername()).isEqualTo("counsellor1");
    }

    @Test
    void signOutIsRecordedAndTheSessionEndIsNotTakenForAnExpiry() {
        var user = users.loadUserByUsername("supervisor");
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        events.publishEvent(new LogoutSuccessEvent(auth));
        assertThat(last().action()).isEqualTo("SIGN_OUT");
        var before = entries();

        var session = sessionOf(auth);
        session.setAttribute(SessionEnd.SIGNED_OUT, true);
        events.publishEvent(new HttpSessionDestroyedEvent(session));
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void anIdleOrOverlongSessionEndIsRecordedAsExpired() {
        var user = users.loadUserByUsername("counsellor1");
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        events.publishEvent(new HttpSessionDestroyedEvent(sessionOf(auth)));
        var idle = last();
        assertThat(idle.action()).isEqualTo("SESSION_EXPIRED");
        assertThat(idle.reason()).isEqualTo("idle");

        var overlong = sessionOf(auth);
        overlong.setAttribute(SessionEnd.ABSOLUTE_LIMIT, true);
        events.publishEvent(new HttpSessionDestroyedEvent(overlong));
        assertThat(last().reason()).isEqualTo("absolute time limit");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        transaction.executeWithoutResult(status -> auditLog.record(AuditEvent.of(AuditAction.VIEW, "client", "x")));
        for (var sql : List.of(
                "update audit_entry set reason = 'edited'",
                "delete from audit_entry",
                "delete from audit_chain_head",
                "update audit_chain_head set seq = 0",
                "delete from audit_ledger_head",
                "delete from audit_block",
                "update audit_block set entry_count = 0")) {
            assertThatThrownBy(() -> jdbc.update(sql)).as(sql).rootCause().hasMessageContaining("append-only");
        }
    }

    private static MockHttpSession sessionOf(UsernamePasswordAuthenticationToken auth) {
        var session = new MockHttpSession();
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(auth));
        return session;
    }
}
