package org.casebook.session;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseStatus;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording the CORE-10 outcome measure and reading a client's scores over time. */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class Core10Service {

    public static final String DATE_NEEDED = "Give the date the measure was taken (not in the future).";
    public static final String POINT_NEEDED = "Choose intake, review or closure.";
    public static final String ITEM_RANGE = "Score every item from 0 to 4.";
    public static final String ONE_A_DAY = "A CORE-10 is already recorded for this client on that day.";

    private final Core10Repository scores;
    private final SessionAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    Core10Service(Core10Repository scores, SessionAccess access, AuditLog audit, Clock clock, CharityClock charity) {
        this.scores = scores;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /**
     * Records a CORE-10 for the client.
     *
     * @throws InvalidFields naming the field that is wrong: {@code measuredOn}, {@code point} or {@code item1} to {@code item10}
     */
    public Core10Result record(String clientCode, Core10Entry entry) {
        var client = access.change(clientCode, "core10");
        if (client.status() == CaseStatus.CLOSED) {
            throw new IllegalStateException("This case is closed.");
        }
        if (entry.measuredOn() == null || entry.measuredOn().isAfter(charity.today())) {
            throw new InvalidFields("measuredOn", DATE_NEEDED);
        }
        var tooOld = DateRange.RECENT_PAST.problem(entry.measuredOn(), charity.today());
        if (tooOld != null) {
            throw new InvalidFields("measuredOn", tooOld);
        }
        if (entry.point() == null) {
            throw new InvalidFields("point", POINT_NEEDED);
        }
        int bad = Core10.firstInvalid(entry.items());
        if (bad >= 0) {
            throw new InvalidFields("item" + (bad + 1), ITEM_RANGE);
        }
        if (scores.existsByClientIdAndMeasuredOn(client.id().value(), entry.measuredOn())) {
            throw new InvalidFields("measuredOn", ONE_A_DAY);
        }
        var items = entry.items().stream().mapToInt(Integer::intValue).toArray();
        var id = UUID.randomUUID();
        scores.save(new Core10Score(
                id,
                client.id().value(),
                client.code(),
                client.counsellorId(),
                entry.measuredOn(),
                entry.point(),
                items,
                access.user().accountId(),
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.CREATE, "core10", id.toString())
                .forClient(client.code())
                .because(entry.point().name()));
        var all = history(client.id().value());
        return all.stream()
                .filter(r -> r.measuredOn().equals(entry.measuredOn()))
                .findFirst()
                .orElseThrow();
    }

    /** The client's CORE-10 scores, oldest first, each read against the first. Audited as a view (a write). */
    @Transactional
    public List<Core10Result> scores(String clientCode) {
        var client = access.read(clientCode);
        audit.record(AuditEvent.of(AuditAction.VIEW, "core10", client.code()).forClient(client.code()));
        return history(client.id().value());
    }

    private List<Core10Result> history(UUID clientId) {
        var found = scores.findByClientIdOrderByMeasuredOn(clientId);
        var results = new ArrayList<Core10Result>();
        Integer first = null;
        for (var score : found) {
            var items = score.items();
            results.add(new Core10Result(
                    score.measuredOn(),
                    score.point(),
                    Arrays.stream(items).boxed().toList(),
                    score.total(),
                    Core10.band(score.total()),
                    Core10.isClinical(score.total()),
                    items[Core10.RISK_ITEM - 1],
                    first == null ? null : Core10.change(first, score.total())));
            if (first == null) {
                first = score.total();
            }
        }
        return results;
    }
}
