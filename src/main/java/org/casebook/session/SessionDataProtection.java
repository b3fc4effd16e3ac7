package org.casebook.session;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebook.client.ClientErasure;
import org.casebook.client.ClientId;
import org.casebook.client.HeldItem;
import org.casebook.client.SubjectAccessSource;
import org.casebook.encryption.EncryptedColumn;
import org.casebook.encryption.FieldEncryption;
import org.casebook.time.CharityClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appointments, session notes (every section, signed or draft), addenda and CORE-10 scores, for subject
 * access; for anonymisation, every sealed column blanked (dates, attendance and scores stay for the figures).
 */
@Component
class SessionDataProtection implements ClientErasure, SubjectAccessSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
    private static final byte[] NOTHING = new byte[0];
    private static final EncryptedColumn[] SECTIONS = {
        SessionColumns.PRESENTATION,
        SessionColumns.THEMES,
        SessionColumns.RISK_OBSERVATIONS,
        SessionColumns.INTERVENTIONS,
        SessionColumns.AGREED_ACTIONS,
        SessionColumns.NEXT_PLAN
    };
    private static final String[] SECTION_NAMES = {
        "presentation",
        "themes discussed",
        "risk observations",
        "interventions",
        "agreed actions",
        "plan for next session"
    };

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final CharityClock charity;

    SessionDataProtection(JdbcTemplate jdbc, FieldEncryption encryption, CharityClock charity) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.charity = charity;
    }

    @Override
    public String module() {
        return "session";
    }

    @Override
    public int erase(ClientId client) {
        var id = client.value();
        // An in-person appointment must have a place (a check): overwritten with nothing rather than nulled.
        int rows = jdbc.update("""
                update appointment set location = case when location is null then null else ? end,
                    version = version + 1
                where client_id = ?""", NOTHING, id);
        rows += jdbc.update("""
                update session_note set presentation = null, themes = null, risk_observations = null,
                    interventions = null, agreed_actions = null, next_plan = null, co_sign_comment = null,
                    version = version + 1
                where client_id = ?""", id);
        rows += jdbc.update("""
                update session_note_addendum set body = ?
                where note_id in (select id from session_note where client_id = ?)""", NOTHING, id);
        return rows;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<HeldItem> heldAbout(ClientId client) {
        var id = client.value();
        var items = new ArrayList<HeldItem>();
        jdbc.query(
                "select id, starts_at, modality, location, outcome from appointment where client_id = ? order by starts_at",
                rs -> {
                    var appointmentId = rs.getObject("id", UUID.class);
                    var outcome = rs.getString("outcome");
                    var place = encryption.openText(rs.getBytes("location"), SessionColumns.LOCATION, appointmentId);
                    items.add(HeldItem.of(
                            "appointment/" + appointmentId,
                            "Appointments",
                            WHEN.format(rs.getTimestamp("starts_at").toInstant().atZone(charity.zone())) + ", "
                                    + rs.getString("modality") + ", " + (outcome == null ? "no outcome yet" : outcome),
                            place));
                },
                id);
        jdbc.query(
                """
                select n.*, a.starts_at from session_note n join appointment a on a.id = n.appointment_id
                where n.client_id = ? order by a.starts_at""",
                rs -> {
                    var noteId = rs.getObject("id", UUID.class);
                    var day = DAY.format(
                            charity.dateOf(rs.getTimestamp("starts_at").toInstant()));
                    var signed = rs.getTimestamp("signed_at");
                    var heading = "Note of " + day + (signed == null ? " (draft)" : " (signed)");
                    for (int i = 0; i < SECTIONS.length; i++) {
                        items.add(HeldItem.of(
                                "note/" + noteId + "/" + SECTIONS[i].column(),
                                "Session notes",
                                heading + ": " + SECTION_NAMES[i],
                                encryption.openText(rs.getBytes(SECTIONS[i].column()), SECTIONS[i], noteId)));
                    }
                    items.add(HeldItem.of(
                            "note/" + noteId + "/co-sign",
                            "Session notes",
                            heading + ": co-signing comment",
                            encryption.openText(
                                    rs.getBytes("co_sign_comment"), SessionColumns.CO_SIGN_COMMENT, noteId)));
                },
                id);
        jdbc.query(
                """
                select d.id, d.body, d.signed_at from session_note_addendum d join session_note n on n.id = d.note_id
                where n.client_id = ? order by d.signed_at""",
                rs -> {
                    var addendumId = rs.getObject("id", UUID.class);
                    items.add(HeldItem.of(
                            "addendum/" + addendumId,
                            "Session notes",
                            "Addendum signed "
                                    + DAY.format(charity.dateOf(
                                            rs.getTimestamp("signed_at").toInstant())),
                            encryption.openText(rs.getBytes("body"), SessionColumns.ADDENDUM, addendumId)));
                },
                id);
        jdbc.query(
                "select id, measured_on, point, total from core10_score where client_id = ? order by measured_on",
                rs -> {
                    items.add(HeldItem.of(
                            "core10/" + rs.getObject("id", UUID.class),
                            "CORE-10 scores",
                            DAY.format(rs.getDate("measured_on").toLocalDate()) + " (" + rs.getString("point") + ")",
                            "Total " + rs.getInt("total") + " of 40"));
                },
                id);
        return items;
    }
}
