package org.casebook.client;

import java.time.Clock;
import java.time.Duration;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.encryption.FieldEncryption;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * For demo data only: a break-glass access that happened some time ago (already expired), so that the
 * supervisors' review queue has something in it. A live break-glass needs the person to confirm their
 * password and code ({@link ClientService#breakGlass}), which seeding cannot do. Audited like the real one.
 */
@Component
@Profile("demo")
public class DemoBreakGlass {

    private final ClientRepository clients;
    private final BreakGlassGrantRepository grants;
    private final AuditLog audit;
    private final Clock clock;
    private final FieldEncryption encryption;

    DemoBreakGlass(
            ClientRepository clients,
            BreakGlassGrantRepository grants,
            AuditLog audit,
            Clock clock,
            FieldEncryption encryption) {
        this.encryption = encryption;
        this.clients = clients;
        this.grants = grants;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void recordPast(String clientCode, long staffId, String reason, Duration ago) {
        var client = clients.findByCode(clientCode).orElseThrow();
        var at = clock.instant().minus(ago);
        var id = java.util.UUID.randomUUID();
        var grant = grants.save(new BreakGlassGrant(
                id,
                client.id(),
                staffId,
                java.util.Objects.requireNonNull(encryption.seal(reason, ClientColumns.BREAK_GLASS_REASON.forRow(id))),
                at,
                at.plus(ClientService.BREAK_GLASS_FOR)));
        audit.record(
                AuditEvent.of(AuditAction.BREAK_GLASS, "break-glass", grant.id().toString())
                        .forClient(clientCode));
    }
}
