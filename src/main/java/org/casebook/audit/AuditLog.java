package org.casebook.audit;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.stream.Collectors;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log inside the caller's transaction. The chain head row is locked for the
 * rest of that transaction, so entries get gapless numbers and a consistent chain even when several
 * instances write to one database; if the caller rolls back, its entry and the head move go too.
 */
@Component
public class AuditLog {

    /** Who acted, when it is not the signed-in person (sign-in events, for example). */
    record Actor(@Nullable Long id, @Nullable String username, @Nullable String roles) {
        static final Actor NOBODY = new Actor(null, null, null);
    }

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ThreadLocal<ChainHasher> hasher;
    private final TransactionTemplate separately;

    AuditLog(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock, AuditKey key,
            PlatformTransactionManager transactions) {
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.hasher = ThreadLocal.withInitial(() -> new ChainHasher(key.bytes()));
    }

    /** Records an action of the signed-in person (or of nobody, when no one is signed in). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        var actor = signedIn(event);
        append(event, actor);
    }

    /**
     * Records a refused action of the signed-in person so that the record survives the refusal: the
     * exception that follows usually rolls the caller's transaction back. Inside a transaction the entry
     * is written straight after it completes, in a transaction of its own (before the exception reaches
     * the caller); outside one, at once.
     */
    public void recordRefusal(AuditEvent event) {
        var actor = signedIn(event);
        var refusal = event.withOutcome(AuditOutcome.DENIED);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    separately.executeWithoutResult(tx -> append(refusal, actor));
                }
            });
        } else {
            separately.executeWithoutResult(tx -> append(refusal, actor));
        }
    }

    /** The signed-in person as the event's actor, in the role the event names if it names one. */
    private Actor signedIn(AuditEvent event) {
        return currentUser.get()
                .map(user -> new Actor(user.accountId(), user.getUsername(), roles(event.actingAs(), user.roles())))
                .orElse(Actor.NOBODY);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    void recordAs(Actor actor, AuditEvent event) {
        append(event, actor);
    }

    private void append(AuditEvent event, Actor actor) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // PostgreSQL refuses the write below in a read-only transaction; H2 would allow it. Refusing on
            // every database makes the mistake show in the first test on H2, not in production.
            throw new IllegalStateException("Cannot record " + event.action() + " of " + event.recordType()
                    + " in a read-only transaction: an audited read is a write, so the calling service method "
                    + "must not be @Transactional(readOnly = true)");
        }
        var head = jdbc.queryForObject("select seq, hash from audit_chain_head where id = 1 for update",
                (rs, row) -> new Object[] {rs.getLong(1), rs.getBytes(2)});
        long seq = (Long) head[0] + 1;
        var unhashed = new StoredEntry(seq, clock.millis(), actor.id(), actor.username(), actor.roles(),
                event.action().name(), event.recordType(), event.recordId(), event.clientRef(),
                event.outcome().name(), truncate(event.reason(), 500), sourceAddress(), (byte[]) head[1], new byte[0]);
        var hash = hasher.get().hash(unhashed);
        var entry = unhashed.withHashes((byte[]) head[1], hash);
        jdbc.update("insert into audit_entry (" + StoredEntry.COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                entry.seq(), entry.occurredAtMs(), entry.actorId(), entry.actorUsername(), entry.actorRoles(),
                entry.action(), entry.recordType(), entry.recordId(), entry.clientRef(), entry.outcome(),
                entry.reason(), entry.sourceAddress(), entry.prevHash(), entry.hash());
        jdbc.update("update audit_chain_head set seq = ?, hash = ? where id = 1", seq, hash);
    }

    static String roles(@Nullable Role actingAs, java.util.Set<Role> roles) {
        if (actingAs != null) {
            return actingAs.name();
        }
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static @Nullable String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return truncate(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
