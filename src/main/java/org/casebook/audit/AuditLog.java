package org.casebook.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Deque;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log inside the caller's transaction, with no lock shared between writers: each
 * entry gets its own keyed MAC and a place in its writer's gapless numbering, and the
 * {@link AuditSequencer} chains it into a block once it has committed. If the caller rolls back, the
 * entry goes too and its writer number is used again.
 *
 * <p>A writer is one of this instance's numbered slots ({@code <instance>/<n>}); a transaction takes an
 * idle slot the first time it records and gives it back when it completes, so a slot serves one
 * transaction at a time and its committed entries are numbered 1, 2, 3, ... without gaps.
 */
@Component
public class AuditLog {

    /** Who acted, when it is not the signed-in person (sign-in events, for example). */
    record Actor(
            @Nullable Long id,
            @Nullable String username,
            @Nullable String roles) {
        static final Actor NOBODY = new Actor(null, null, null);
    }

    /** One writer slot. Its numbers move only inside the one transaction that holds it. */
    static final class Writer {
        final String id;
        /** The last number whose transaction committed. */
        volatile long committed;
        /** The last number taken by the transaction holding the slot. */
        long taken;
        /** The last committed number seen chained (or reported missing) by the witness. */
        long witnessed;

        Writer(String id) {
            this.id = id;
        }
    }

    private static final String INSERT = "insert into audit_entry (occurred_at_ms, actor_id, actor_username, "
            + "actor_roles, action, record_type, record_id, client_ref, outcome, reason, source_address, hash, "
            + "writer_id, writer_seq, written_ms) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ThreadLocal<ChainHasher> hasher;
    private final TransactionTemplate separately;
    private final Deque<Writer> idle = new ConcurrentLinkedDeque<>();
    private final Set<Writer> writers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger slots = new AtomicInteger();
    private volatile String instance = newInstanceId();

    AuditLog(
            JdbcTemplate jdbc,
            CurrentUser currentUser,
            Clock clock,
            AuditKey key,
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
        return currentUser
                .get()
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
        var writer = writerOfThisTransaction();
        long number = ++writer.taken;
        var entry = new StoredEntry(
                0,
                clock.millis(),
                actor.id(),
                actor.username(),
                actor.roles(),
                event.action().name(),
                event.recordType(),
                event.recordId(),
                event.clientRef(),
                event.outcome().name(),
                truncate(event.reason(), 500),
                sourceAddress(),
                null,
                new byte[0],
                writer.id,
                number,
                null);
        try {
            jdbc.update(
                    INSERT,
                    entry.occurredAtMs(),
                    entry.actorId(),
                    entry.actorUsername(),
                    entry.actorRoles(),
                    entry.action(),
                    entry.recordType(),
                    entry.recordId(),
                    entry.clientRef(),
                    entry.outcome(),
                    entry.reason(),
                    entry.sourceAddress(),
                    hasher.get().mac(entry),
                    writer.id,
                    number,
                    System.currentTimeMillis());
        } catch (RuntimeException failed) {
            writer.taken = number - 1;
            throw failed;
        }
    }

    /** The writer slot the current transaction holds, taken from the idle ones on its first entry. */
    private Writer writerOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("audit entries are written inside a transaction");
        }
        for (var synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Holding holding && holding.log == this) {
                return holding.writer;
            }
        }
        var writer = idle.pollFirst();
        if (writer == null) {
            writer = new Writer(instance + "/" + slots.incrementAndGet());
            writers.add(writer);
        }
        TransactionSynchronizationManager.registerSynchronization(new Holding(this, writer));
        return writer;
    }

    /** Gives the slot back when the transaction completes; its numbers follow the outcome. */
    private record Holding(AuditLog log, Writer writer) implements TransactionSynchronization {
        @Override
        public void afterCompletion(int status) {
            switch (status) {
                case STATUS_COMMITTED -> {
                    writer.committed = writer.taken;
                    log.idle.addFirst(writer);
                }
                case STATUS_ROLLED_BACK -> {
                    writer.taken = writer.committed;
                    log.idle.addFirst(writer);
                }
                // Whether it committed is unknown: the slot is retired, its numbering simply ends.
                default -> {}
            }
        }
    }

    /**
     * Records an alert through the given writer when it is idle, so that its next number follows the
     * one that went missing and verification finds the gap too; when the writer is busy, its current
     * transaction will do that anyway, and the alert goes through any writer.
     */
    void recordThrough(Writer writer, AuditEvent event) {
        if (idle.remove(writer)) {
            separately.executeWithoutResult(status -> {
                TransactionSynchronizationManager.registerSynchronization(new Holding(this, writer));
                append(event, Actor.NOBODY);
            });
        } else {
            separately.executeWithoutResult(status -> append(event, Actor.NOBODY));
        }
    }

    /** Every writer slot of this instance, for the witness that checks their last entries got chained. */
    Set<Writer> writers() {
        return writers;
    }

    /**
     * Starts afresh with new writer ids (for tests and the benchmark, which empty the log as a
     * superuser would; in production writers live as long as the instance).
     */
    void forgetWriters() {
        idle.clear();
        writers.clear();
        instance = newInstanceId();
    }

    private static String newInstanceId() {
        return UUID.randomUUID().toString();
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
