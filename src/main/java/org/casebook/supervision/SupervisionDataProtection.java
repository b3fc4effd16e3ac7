package org.casebook.supervision;

import org.casebook.client.ClientErasure;
import org.casebook.client.ClientId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Anonymisation of supervision records: a record that discussed only this client is about them, so its
 * discussion and actions are blanked (the date and the two members of staff stay). A record that also
 * discussed other clients is the supervisor's record of those too and is left as it is; the client's code
 * stays on it, as everywhere.
 */
@Component
class SupervisionDataProtection implements ClientErasure {

    private static final byte[] NOTHING = new byte[0];

    private final JdbcTemplate jdbc;

    SupervisionDataProtection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "supervision";
    }

    @Override
    public int erase(ClientId client) {
        return jdbc.update("""
                update supervision_record set discussion = ?, agreed_actions = null, version = version + 1
                where id in (select record_id from supervision_record_client where client_id = ?)
                  and not exists (select 1 from supervision_record_client o
                                  where o.record_id = supervision_record.id and o.client_id <> ?)""", NOTHING, client.value(), client.value());
    }
}
