package org.casebook.riskplan;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.ClientId;
import org.casebook.encryption.FieldEncryption;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a new concern, inside the caller's transaction: from {@link SafeguardingService#raise} after
 * need-to-know, or from the child-at-risk event of a referral. Validates and audits, so neither route can skip it.
 */
@Component
class ConcernRecorder {

    static final Set<String> SOURCES = Set.of("client-page", "session-note", "referral");
    static final int MAX_TEXT = Text.SECTION;

    private final ConcernRepository concerns;
    private final FieldEncryption encryption;
    private final EntityManager entityManager;
    private final AuditLog audit;
    private final Clock clock;

    ConcernRecorder(
            ConcernRepository concerns,
            FieldEncryption encryption,
            EntityManager entityManager,
            AuditLog audit,
            Clock clock) {
        this.concerns = concerns;
        this.encryption = encryption;
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    UUID record(
            ClientId client,
            String code,
            String whatWasLearned,
            LocalDate learnedOn,
            ConcernCategory category,
            boolean immediate,
            String source,
            @Nullable Long raisedBy,
            LocalDate today) {
        if (Text.isBlank(whatWasLearned)) {
            throw new InvalidFields("whatWasLearned", "Say what was learned.");
        }
        Inputs.text("whatWasLearned", whatWasLearned, MAX_TEXT);
        if (learnedOn == null || learnedOn.isAfter(today)) {
            throw new InvalidFields("learnedOn", "Give the date it was learned (not in the future).");
        }
        Inputs.date("learnedOn", learnedOn, DateRange.RECENT_PAST, today);
        if (category == null) {
            throw new InvalidFields("category", "Choose a category.");
        }
        if (!SOURCES.contains(source)) {
            throw new InvalidFields("source", "Unknown source of the concern.");
        }
        // A native query, so that a client created earlier in this transaction is flushed and found.
        @SuppressWarnings("unchecked")
        List<Object[]> owner = entityManager
                .createNativeQuery("select team_id, counsellor_id from client where id = :id")
                .setParameter("id", client.value())
                .getResultList();
        Long teamId =
                owner.isEmpty() || owner.getFirst()[0] == null ? null : ((Number) owner.getFirst()[0]).longValue();
        Long counsellorId =
                owner.isEmpty() || owner.getFirst()[1] == null ? null : ((Number) owner.getFirst()[1]).longValue();
        var id = UUID.randomUUID();
        concerns.save(new Concern(
                id,
                client.value(),
                code,
                teamId,
                counsellorId,
                category,
                immediate,
                learnedOn,
                encryption.seal(whatWasLearned.strip(), RiskPlanColumns.CONCERN_TEXT.forRow(id)),
                source,
                raisedBy,
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.SAFEGUARDING_RAISED, "safeguarding-concern", id.toString())
                .forClient(code));
        return id;
    }
}
