package org.casebook.client;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebook.encryption.FieldEncryption;
import org.casebook.time.CharityClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The client module's part of subject access and anonymisation: the client's details, case history and
 * consents. Package-private: only the data-protection module calls it, through the two interfaces, after its
 * own checks.
 */
@Component
class ClientDataProtection implements ClientErasure, SubjectAccessSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final byte[] NOTHING = new byte[0];

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final CharityClock charity;

    ClientDataProtection(JdbcTemplate jdbc, FieldEncryption encryption, CharityClock charity) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.charity = charity;
    }

    @Override
    public String module() {
        return "client";
    }

    @Override
    public int erase(ClientId client) {
        var id = client.value();
        // The name column is NOT NULL: overwritten with nothing. The code, status, team and dates stay for figures.
        int rows = jdbc.update("""
                update client set preferred_name = ?, year_of_birth = null, postcode_district = null, phone = null,
                    email = null, postal_address = null, voicemail_ok = false, text_ok = false, letter_ok = false, email_ok = false,
                    best_times = null, contact_notes = null, closing_summary = null, anonymised_on = ?,
                    version = version + 1
                where id = ?""", NOTHING, charity.today(), id);
        rows += jdbc.update("update client_exclusion set reason = ? where client_id = ?", NOTHING, id);
        rows += jdbc.update("update client_history set reason = null where client_id = ? and reason is not null", id);
        rows += jdbc.update("update share_consent set named = ? where client_id = ?", NOTHING, id);
        rows += jdbc.update("""
                update break_glass_access set reason = null, review_note = null, sealed_reason = null,
                    sealed_review_note = null
                where client_id = ?""", id);
        return rows;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<HeldItem> heldAbout(ClientId client) {
        var id = client.value();
        var items = new ArrayList<HeldItem>();
        jdbc.query(
                "select * from client where id = ?",
                rs -> {
                    var section = "Personal details";
                    items.add(HeldItem.of("client/code", section, "Client code", rs.getString("code")));
                    items.add(HeldItem.of(
                            "client/name",
                            section,
                            "Preferred name",
                            encryption.openText(rs.getBytes("preferred_name"), ClientColumns.PREFERRED_NAME, id)));
                    var year = rs.getObject("year_of_birth");
                    items.add(HeldItem.of(
                            "client/year-of-birth", section, "Year of birth", year == null ? null : year.toString()));
                    items.add(HeldItem.of(
                            "client/postcode", section, "Postcode district", rs.getString("postcode_district")));
                    items.add(HeldItem.of(
                            "client/phone",
                            section,
                            "Phone",
                            encryption.openText(rs.getBytes("phone"), ClientColumns.PHONE, id)));
                    items.add(HeldItem.of(
                            "client/email",
                            section,
                            "Email",
                            encryption.openText(rs.getBytes("email"), ClientColumns.EMAIL, id)));
                    items.add(HeldItem.of(
                            "client/address",
                            section,
                            "Postal address",
                            encryption.openText(rs.getBytes("postal_address"), ClientColumns.POSTAL_ADDRESS, id)));
                    items.add(HeldItem.of(
                            "client/contact-channels",
                            section,
                            "Safe to use",
                            "voicemail " + yesNo(rs.getBoolean("voicemail_ok")) + ", text "
                                    + yesNo(rs.getBoolean("text_ok")) + ", letter " + yesNo(rs.getBoolean("letter_ok"))
                                    + ", email " + yesNo(rs.getBoolean("email_ok"))));
                    items.add(HeldItem.of(
                            "client/best-times",
                            section,
                            "Best times to contact",
                            encryption.openText(rs.getBytes("best_times"), ClientColumns.BEST_TIMES, id)));
                    items.add(HeldItem.of(
                                    "client/contact-notes",
                                    section,
                                    "Contact notes",
                                    encryption.openText(rs.getBytes("contact_notes"), ClientColumns.CONTACT_NOTES, id))
                            .aboutOthers());
                    var status = "Status " + rs.getString("status") + ", received "
                            + DAY.format(rs.getDate("received_on").toLocalDate());
                    var closed = rs.getDate("closed_on");
                    if (closed != null) {
                        status += ", closed " + DAY.format(closed.toLocalDate()) + " (" + rs.getString("closure_reason")
                                + ")";
                    }
                    items.add(HeldItem.of("client/status", "Case", "Case status", status));
                    items.add(HeldItem.of(
                            "client/closing-summary",
                            "Case",
                            "Closing summary",
                            encryption.openText(rs.getBytes("closing_summary"), ClientColumns.CLOSING_SUMMARY, id)));
                },
                id);
        jdbc.query(
                "select id, happened_at, kind, status, reason from client_history where client_id = ? order by happened_at",
                rs -> {
                    var entryId = rs.getObject("id", UUID.class);
                    var when = DAY.format(
                            charity.dateOf(rs.getTimestamp("happened_at").toInstant()));
                    var reason = encryption.openText(rs.getBytes("reason"), ClientColumns.HISTORY_REASON, entryId);
                    items.add(HeldItem.of(
                            "history/" + entryId,
                            "Case history",
                            when + ": " + rs.getString("kind") + " (" + rs.getString("status") + ")",
                            reason));
                },
                id);
        jdbc.query(
                """
                select a.id, a.agreed_on, a.given_how, v.label from client_agreement a
                join agreement_version v on v.id = a.version_id where a.client_id = ? order by a.agreed_on""",
                rs -> {
                    items.add(HeldItem.of(
                            "agreement/" + rs.getObject("id", UUID.class),
                            "Consent",
                            "Confidentiality agreement " + rs.getString("label"),
                            "Agreed " + DAY.format(rs.getDate("agreed_on").toLocalDate()) + " ("
                                    + rs.getString("given_how") + ")"));
                },
                id);
        jdbc.query(
                "select id, recipient, named, given_on, withdrawn_on from share_consent where client_id = ? order by given_on",
                rs -> {
                    var consentId = rs.getObject("id", UUID.class);
                    var withdrawn = rs.getDate("withdrawn_on");
                    var label = "Consent to share with " + rs.getString("recipient") + ", given "
                            + DAY.format(rs.getDate("given_on").toLocalDate())
                            + (withdrawn == null ? "" : ", withdrawn " + DAY.format(withdrawn.toLocalDate()));
                    items.add(HeldItem.of(
                                    "share-consent/" + consentId,
                                    "Consent",
                                    label,
                                    encryption.openText(rs.getBytes("named"), ClientColumns.SHARE_NAMED, consentId))
                            .aboutOthers());
                },
                id);
        return items;
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
