package org.casebook.referral;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.casebook.client.ClientErasure;
import org.casebook.client.ClientId;
import org.casebook.client.HeldItem;
import org.casebook.client.SubjectAccessSource;
import org.casebook.encryption.FieldEncryption;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The referral's part of subject access and anonymisation (called only by the data-protection module). */
@Component
class ReferralDataProtection implements ClientErasure, SubjectAccessSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final byte[] NOTHING = new byte[0];

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;

    ReferralDataProtection(JdbcTemplate jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Override
    public String module() {
        return "referral";
    }

    @Override
    public int erase(ClientId client) {
        // Source, concern category, urgency and dates stay for the figures; every text and blind index goes.
        // Two columns must stay non-null where a check requires them (a referrer, a child at risk): overwritten.
        return jdbc.update("""
                update referral set referrer_contact = case when referrer_contact is null then null else ? end,
                    child_details = case when child_details is null then null else ? end,
                    summary = null, triage_reason = null, phone_match = null, email_match = null,
                    name_year_match = null, version = version + 1
                where id = ?""", NOTHING, NOTHING, client.value());
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<HeldItem> heldAbout(ClientId client) {
        var id = client.value();
        var items = new ArrayList<HeldItem>();
        jdbc.query(
                "select * from referral where id = ?",
                rs -> {
                    var section = "Referral";
                    var arrested = rs.getDate("arrested_on");
                    items.add(HeldItem.of(
                            "referral/facts",
                            section,
                            "Referral",
                            "Received " + DAY.format(rs.getDate("received_on").toLocalDate()) + "; source "
                                    + rs.getString("source")
                                    + "; presenting concern " + rs.getString("presenting_concern") + "; legal status "
                                    + rs.getString("legal_status")
                                    + (arrested == null ? "" : " (arrested " + DAY.format(arrested.toLocalDate()) + ")")
                                    + "; access to children "
                                    + rs.getString("access_to_children") + "; urgency " + rs.getString("urgency")));
                    items.add(HeldItem.of(
                                    "referral/referrer",
                                    section,
                                    "Referrer's contact",
                                    encryption.openText(
                                            rs.getBytes("referrer_contact"), ReferralColumns.REFERRER_CONTACT, id))
                            .aboutOthers());
                    // What was disclosed about a child at risk is safeguarding information: left out unless released.
                    items.add(HeldItem.of(
                                    "referral/child-details",
                                    section,
                                    "About a child at risk",
                                    encryption.openText(
                                            rs.getBytes("child_details"), ReferralColumns.CHILD_DETAILS, id))
                            .aboutOthers()
                            .safeguardingOnly());
                    items.add(HeldItem.of(
                            "referral/summary",
                            section,
                            "Summary",
                            encryption.openText(rs.getBytes("summary"), ReferralColumns.SUMMARY, id)));
                    var eligible = rs.getObject("eligible");
                    items.add(HeldItem.of(
                            "referral/triage",
                            section,
                            eligible == null
                                    ? "Triage (not yet)"
                                    : "Triage: " + (Boolean.TRUE.equals(eligible) ? "eligible" : "not eligible"),
                            encryption.openText(rs.getBytes("triage_reason"), ReferralColumns.TRIAGE_REASON, id)));
                },
                id);
        return items;
    }
}
