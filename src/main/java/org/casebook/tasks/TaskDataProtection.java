package org.casebook.tasks;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebook.client.ClientErasure;
import org.casebook.client.ClientId;
import org.casebook.client.HeldItem;
import org.casebook.client.SubjectAccessSource;
import org.casebook.encryption.FieldEncryption;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tasks about a client, for subject access (what staff planned to do, by when, and whether it was done); for
 * anonymisation, each title overwritten with nothing (due dates and whether they were done stay).
 */
@Component
class TaskDataProtection implements ClientErasure, SubjectAccessSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final byte[] NOTHING = new byte[0];

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;

    TaskDataProtection(JdbcTemplate jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Override
    public String module() {
        return "tasks";
    }

    @Override
    public int erase(ClientId client) {
        return jdbc.update(
                "update task set title = ?, version = version + 1 where client_id = ?", NOTHING, client.value());
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<HeldItem> heldAbout(ClientId client) {
        var items = new ArrayList<HeldItem>();
        jdbc.query(
                "select id, title, due_on, done_at from task where client_id = ? order by due_on",
                rs -> {
                    var id = rs.getObject("id", UUID.class);
                    var title = rs.getBytes("title");
                    items.add(HeldItem.of(
                            "task/" + id,
                            "Tasks about the case",
                            "Due " + DAY.format(rs.getDate("due_on").toLocalDate())
                                    + (rs.getTimestamp("done_at") == null ? "" : ", done"),
                            title == null || title.length == 0
                                    ? null
                                    : encryption.open(title, TaskColumns.TITLE.forRow(id))));
                },
                client.value());
        return items;
    }
}
