package org.casebook.contacts;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebook.client.ClientErasure;
import org.casebook.client.ClientId;
import org.casebook.client.HeldItem;
import org.casebook.client.SubjectAccessSource;
import org.casebook.encryption.FieldEncryption;
import org.casebook.time.CharityClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The professionals linked to a client and the client's contact log, for subject access (both name other
 * people, so they are flagged for the reviewer); for anonymisation, each relationship, "who" and summary
 * overwritten with nothing (when, how and which way stay, for the figures). The directory entries themselves
 * are about the professionals, not the client, and stay.
 */
@Component
class ContactDataProtection implements ClientErasure, SubjectAccessSource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
    private static final byte[] NOTHING = new byte[0];

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final CharityClock charity;

    ContactDataProtection(JdbcTemplate jdbc, FieldEncryption encryption, CharityClock charity) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.charity = charity;
    }

    @Override
    public String module() {
        return "contacts";
    }

    @Override
    public int erase(ClientId client) {
        int rows =
                jdbc.update("update client_contact set relationship = ? where client_id = ?", NOTHING, client.value());
        rows += jdbc.update(
                "update client_contact_log set who = ?, summary = ? where client_id = ?",
                NOTHING,
                NOTHING,
                client.value());
        return rows;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<HeldItem> heldAbout(ClientId client) {
        var items = new ArrayList<HeldItem>();
        jdbc.query(
                """
                select l.id, l.relationship, c.id as contact_id, c.role, c.name, c.organisation
                from client_contact l join contact c on c.id = l.contact_id
                where l.client_id = ? order by l.linked_at""",
                rs -> {
                    var linkId = rs.getObject("id", UUID.class);
                    var contactId = rs.getObject("contact_id", UUID.class);
                    var organisation =
                            encryption.openText(rs.getBytes("organisation"), ContactColumns.ORGANISATION, contactId);
                    items.add(HeldItem.of(
                                    "contact/" + linkId,
                                    "Professionals involved",
                                    ContactRole.valueOf(rs.getString("role")).label() + ": "
                                            + encryption.openText(rs.getBytes("name"), ContactColumns.NAME, contactId)
                                            + (organisation == null ? "" : ", " + organisation),
                                    encryption.openText(
                                            rs.getBytes("relationship"), ContactColumns.RELATIONSHIP, linkId))
                            .aboutOthers());
                },
                client.value());
        jdbc.query(
                """
                select id, happened_at, kind, direction, who, summary from client_contact_log
                where client_id = ? order by happened_at""",
                rs -> {
                    var id = rs.getObject("id", UUID.class);
                    var who = encryption.openText(rs.getBytes("who"), ContactColumns.WHO, id);
                    items.add(HeldItem.of(
                                    "contact-log/" + id,
                                    "Contact log",
                                    WHEN.format(rs.getTimestamp("happened_at")
                                                    .toInstant()
                                                    .atZone(charity.zone())) + ", "
                                            + ContactKind.valueOf(rs.getString("kind"))
                                                    .label() + ", "
                                            + Direction.valueOf(rs.getString("direction"))
                                                    .label()
                                            + (who == null ? "" : ", with " + who),
                                    encryption.openText(rs.getBytes("summary"), ContactColumns.SUMMARY, id))
                            .aboutOthers());
                },
                client.value());
        return items;
    }
}
