package org.casebook.dataprotection;

import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.ClientErasure;
import org.casebook.client.ClientId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymises one client in the caller's transaction: every module's {@link ClientErasure} blanks its rows, with
 * the write-once records' anonymisation exception switched on for this transaction only (PostgreSQL:
 * {@code set_config('casebook.anonymising', 'on', true)}; H2: the session variable, cleared afterwards), so that
 * plan versions, reviews and safeguarding records can be blanked but never rewritten or deleted. The audit entry
 * is written in the same transaction and names only the code and how many rows each module blanked. The audit
 * log itself is left as it is: it holds no clinical content, and its chain must keep verifying.
 *
 * <p>Package-private: reached only through {@link RetentionService#approve} and
 * {@link DataRequestService#decideErasure}, which check the supervisor, need-to-know, re-authentication and
 * legal holds first.
 */
@Component
class Anonymiser {

    private static final Logger log = LoggerFactory.getLogger(Anonymiser.class);

    private final List<ClientErasure> steps;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final AuditLog audit;

    Anonymiser(List<ClientErasure> steps, JdbcTemplate jdbc, EntityManager entityManager, AuditLog audit) {
        this.steps = steps.stream()
                .sorted(Comparator.comparing(ClientErasure::module))
                .toList();
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void anonymise(ClientId client, String code, String why) {
        // Entities loaded earlier in this transaction must neither be flushed over the blanks nor be read again.
        entityManager.flush();
        boolean postgres = isPostgres();
        if (postgres) {
            jdbc.queryForObject("select set_config('casebook.anonymising', 'on', true)", String.class);
        } else {
            jdbc.execute("set @casebook_anonymising = 'on'");
        }
        try {
            var counts = new java.util.LinkedHashMap<String, Integer>();
            for (var step : steps) {
                counts.put(step.module(), step.erase(client));
            }
            entityManager.clear();
            var summary = counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            audit.record(AuditEvent.of(AuditAction.ANONYMISED, "client", code)
                    .forClient(code)
                    .because(why + "; rows blanked: " + summary));
            log.info("Client {} anonymised ({}); rows blanked: {}", code, why, summary);
        } finally {
            // PostgreSQL's setting ends with the transaction; H2's variable lives as long as the connection.
            if (!postgres) {
                jdbc.execute("set @casebook_anonymising = null");
            }
        }
    }

    /** The modules whose steps run, in order (for the README and tests). */
    List<String> modules() {
        return steps.stream().map(ClientErasure::module).toList();
    }

    private boolean isPostgres() {
        var product =
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }
}
