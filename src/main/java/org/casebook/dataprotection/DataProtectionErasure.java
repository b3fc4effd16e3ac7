package org.casebook.dataprotection;

import org.casebook.client.ClientErasure;
import org.casebook.client.ClientId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This module's own rows about an anonymised client: hold reasons, decision reasons, old values kept by
 * rectification and a subject access review's passages are blanked; the requests, holds and reviews themselves
 * (kinds, dates, decisions) stay, as the record that the charity met each right.
 */
@Component
class DataProtectionErasure implements ClientErasure {

    private static final byte[] NOTHING = new byte[0];

    private final JdbcTemplate jdbc;

    DataProtectionErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "dataprotection";
    }

    @Override
    public int erase(ClientId client) {
        var id = client.value();
        int rows =
                jdbc.update("update legal_hold set reason = ?, release_reason = null where client_id = ?", NOTHING, id);
        rows += jdbc.update("update data_request set decision_reason = null where client_id = ?", id);
        rows += jdbc.update(
                "delete from sar_choice where request_id in (select id from data_request where client_id = ?)", id);
        rows += jdbc.update("update rectification set old_value = null, reason = ? where client_id = ?", NOTHING, id);
        return rows;
    }
}
