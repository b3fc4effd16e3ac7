package org.casebook.client;

import java.util.UUID;
import org.casebook.encryption.FieldEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals break-glass reasons and review notes stored in clear before they were sealed (migration V43), then
 * empties the clear columns. Runs at each start and finds nothing once done; each row in its own transaction,
 * rewritten only if it still holds clear text.
 */
@Component
class BreakGlassSealing implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BreakGlassSealing.class);

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final TransactionTemplate transaction;

    BreakGlassSealing(JdbcTemplate jdbc, FieldEncryption encryption, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        var ids = jdbc.queryForList(
                "select id from break_glass_access where reason is not null or review_note is not null", UUID.class);
        for (var id : ids) {
            transaction.executeWithoutResult(tx -> seal(id));
        }
        if (!ids.isEmpty()) {
            LOG.info("Sealed the clear-text reasons and notes of {} break-glass accesses", ids.size());
        }
    }

    private void seal(UUID id) {
        jdbc.query(
                "select reason, review_note from break_glass_access where id = ? for update",
                rs -> {
                    var reason = rs.getString(1);
                    var note = rs.getString(2);
                    jdbc.update(
                            """
                    update break_glass_access set
                        sealed_reason = coalesce(?, sealed_reason), reason = null,
                        sealed_review_note = coalesce(?, sealed_review_note), review_note = null
                    where id = ?""",
                            encryption.seal(reason, ClientColumns.BREAK_GLASS_REASON.forRow(id)),
                            encryption.seal(note, ClientColumns.BREAK_GLASS_REVIEW_NOTE.forRow(id)),
                            id);
                },
                id);
    }
}
