package org.casebook.dataprotection;

import java.time.LocalDate;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the closed cases past their retention date and lists each for a supervisor's decision (a pending
 * retention review, audited as found). Nothing is changed here: a record is anonymised only when a supervisor
 * approves. A client under a legal hold, already listed, or already anonymised is skipped. Which rule applies:
 * a safeguarding concern referred to the police, children's services or the LADO keeps the case longest; a
 * case closed without ever having a counsellor is a referral that never became a case; any other is a closed
 * case.
 */
@Component
class RetentionSweep {

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private final AuditLog audit;

    RetentionSweep(JdbcTemplate jdbc, RetentionProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
    }

    /** Lists every record due on or before {@code today}; returns how many were newly listed. */
    @Transactional
    int findDue(LocalDate today) {
        var candidates = jdbc.query(
                """
                select c.id, c.code, c.team_id, c.closed_on, c.counsellor_id,
                    exists (select 1 from safeguarding_concern sc join safeguarding_decision d on d.concern_id = sc.id
                            where sc.client_id = c.id and d.outcome <> 'NO_FURTHER_ACTION') as referred
                from client c
                where c.status = 'CLOSED' and c.anonymised_on is null and c.closed_on is not null
                  and not exists (select 1 from retention_review r where r.client_id = c.id and r.status = 'PENDING')
                  and not exists (select 1 from legal_hold h where h.client_id = c.id and h.released_at is null)
                order by c.closed_on""",
                (rs, n) -> new Candidate(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        (Long) rs.getObject("team_id"),
                        rs.getDate("closed_on").toLocalDate(),
                        rs.getObject("counsellor_id") != null,
                        rs.getBoolean("referred")));
        int listed = 0;
        for (var candidate : candidates) {
            var rule = ruleFor(candidate);
            var dueOn = candidate.closedOn().plus(periodOf(rule));
            if (dueOn.isAfter(today)) {
                continue;
            }
            var reviewId = UUID.randomUUID();
            jdbc.update("""
                    insert into retention_review (id, client_id, client_code, team_id, rule, due_on, found_on, status)
                    values (?, ?, ?, ?, ?, ?, ?, 'PENDING')""", reviewId, candidate.id(), candidate.code(), candidate.teamId(), rule.name(), dueOn, today);
            audit.record(AuditEvent.of(AuditAction.RETENTION_DUE, "retention-review", reviewId.toString())
                    .forClient(candidate.code())
                    .because(rule.name() + ", due " + dueOn));
            listed++;
        }
        return listed;
    }

    java.time.Period periodOf(RetentionRule rule) {
        return switch (rule) {
            case CLOSED_CASE -> properties.closedCase();
            case REFERRAL_ONLY -> properties.referralOnly();
            case SAFEGUARDING_REFERRED -> properties.safeguardingReferred();
        };
    }

    private static RetentionRule ruleFor(Candidate candidate) {
        if (candidate.referred()) {
            return RetentionRule.SAFEGUARDING_REFERRED;
        }
        return candidate.hadCounsellor() ? RetentionRule.CLOSED_CASE : RetentionRule.REFERRAL_ONLY;
    }

    private record Candidate(
            UUID id, String code, Long teamId, LocalDate closedOn, boolean hadCounsellor, boolean referred) {}
}
