package org.casebook.riskplan;

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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plans (every version and action), structured reviews, trigger dates and safeguarding concerns, for subject
 * access (concerns marked as safeguarding, so they are left out unless a reviewer releases them) and for
 * anonymisation. These tables are write-once: anonymisation may only blank columns, which the triggers allow
 * while the data-protection module's anonymisation switch is on for the transaction (migration V91). Levels,
 * scores, categories, outcomes and dates stay for the figures.
 */
@Component
class RiskPlanDataProtection implements ClientErasure, SubjectAccessSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final byte[] NOTHING = new byte[0];
    private static final String[] SECTION_NAMES = {
        "goals for a good life",
        "triggers and high-risk situations",
        "early warning signs",
        "coping strategies",
        "protective factors",
        "support network",
        "external conditions"
    };
    private static final String[] AREA_NAMES = {
        "social influences",
        "intimacy deficits",
        "sexual self-regulation",
        "general self-regulation",
        "cooperation with supervision"
    };

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final CharityClock charity;

    RiskPlanDataProtection(JdbcTemplate jdbc, FieldEncryption encryption, CharityClock charity) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.charity = charity;
    }

    @Override
    public String module() {
        return "riskplan";
    }

    @Override
    public int erase(ClientId client) {
        var id = client.value();
        int rows = jdbc.update("""
                update risk_plan_version set goals = null, triggers = null, warning_signs = null, coping = null,
                    protective_factors = null, support_network = null, external_conditions = null, rating_rationale = null
                where plan_id in (select id from risk_plan where client_id = ?)""", id);
        rows += jdbc.update("""
                update risk_plan_action set what = ?, who = null
                where version_id in (select v.id from risk_plan_version v join risk_plan p on p.id = v.plan_id
                    where p.client_id = ?)""", NOTHING, id);
        rows += jdbc.update("""
                update risk_review set social_influences_comment = null, intimacy_deficits_comment = null,
                    sexual_self_regulation_comment = null, general_self_regulation_comment = null, cooperation_comment = null
                where client_id = ?""", id);
        rows += jdbc.update("update risk_trigger_date set note = null where client_id = ?", id);
        rows += jdbc.update("update safeguarding_concern set what_learned = ? where client_id = ?", NOTHING, id);
        // A referral's reference names the case at the police or the local authority: blanked (a check wants one).
        rows += jdbc.update("""
                update safeguarding_decision set rationale = case when rationale is null then null else ? end,
                    follow_up = null, reference = case when reference is null then null else '' end
                where concern_id in (select id from safeguarding_concern where client_id = ?)""", NOTHING, id);
        rows += jdbc.update("""
                update safeguarding_closure set note = null
                where concern_id in (select id from safeguarding_concern where client_id = ?)""", id);
        rows += jdbc.update("""
                update safeguarding_comment set body = ?
                where concern_id in (select id from safeguarding_concern where client_id = ?)""", NOTHING, id);
        return rows;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<HeldItem> heldAbout(ClientId client) {
        var id = client.value();
        var items = new ArrayList<HeldItem>();
        jdbc.query(
                """
                select v.* from risk_plan_version v join risk_plan p on p.id = v.plan_id
                where p.client_id = ? order by v.number""",
                rs -> {
                    var versionId = rs.getObject("id", UUID.class);
                    var heading = "Plan version " + rs.getInt("number") + " ("
                            + DAY.format(
                                    charity.dateOf(rs.getTimestamp("created_at").toInstant())) + ")";
                    for (int i = 0; i < RiskPlanColumns.PLAN_SECTIONS.length; i++) {
                        var column = RiskPlanColumns.PLAN_SECTIONS[i];
                        var item = HeldItem.of(
                                "plan/" + versionId + "/" + column.column(),
                                "Risk-minimisation plan",
                                heading + ": " + SECTION_NAMES[i],
                                encryption.openText(rs.getBytes(column.column()), column, versionId));
                        items.add(column.column().equals("support_network") ? item.aboutOthers() : item);
                    }
                    items.add(HeldItem.of(
                            "plan/" + versionId + "/rating",
                            "Risk-minimisation plan",
                            heading + ": risk levels",
                            "Risk to others " + rs.getString("risk_to_others") + ", to self "
                                    + rs.getString("risk_to_self") + "; next review "
                                    + DAY.format(rs.getDate("next_review").toLocalDate())));
                    items.add(HeldItem.of(
                            "plan/" + versionId + "/rating_rationale",
                            "Risk-minimisation plan",
                            heading + ": rationale",
                            encryption.openText(
                                    rs.getBytes("rating_rationale"), RiskPlanColumns.RATING_RATIONALE, versionId)));
                },
                id);
        jdbc.query(
                """
                select a.id, a.position, a.what, a.who, a.due_on, a.done, v.number from risk_plan_action a
                join risk_plan_version v on v.id = a.version_id join risk_plan p on p.id = v.plan_id
                where p.client_id = ? order by v.number, a.position""",
                rs -> {
                    var actionId = rs.getObject("id", UUID.class);
                    var due = rs.getDate("due_on");
                    var who = encryption.openText(rs.getBytes("who"), RiskPlanColumns.ACTION_WHO, actionId);
                    items.add(HeldItem.of(
                            "plan-action/" + actionId,
                            "Risk-minimisation plan",
                            "Plan version "
                                    + rs.getInt("number") + ": agreed action " + rs.getInt("position")
                                    + (due == null ? "" : ", by " + DAY.format(due.toLocalDate()))
                                    + (rs.getBoolean("done") ? ", done" : ""),
                            encryption.openText(rs.getBytes("what"), RiskPlanColumns.ACTION_WHAT, actionId)
                                    + (who == null ? "" : " (who: " + who + ")")));
                },
                id);
        jdbc.query(
                "select * from risk_review where client_id = ? order by reviewed_on",
                rs -> {
                    var reviewId = rs.getObject("id", UUID.class);
                    var heading =
                            "Review of " + DAY.format(rs.getDate("reviewed_on").toLocalDate());
                    String[] scores = {
                        "social_influences",
                        "intimacy_deficits",
                        "sexual_self_regulation",
                        "general_self_regulation",
                        "cooperation"
                    };
                    for (int i = 0; i < scores.length; i++) {
                        var column = RiskPlanColumns.REVIEW_COMMENTS[i];
                        var comment = encryption.openText(rs.getBytes(column.column()), column, reviewId);
                        items.add(HeldItem.of(
                                "review/" + reviewId + "/" + scores[i],
                                "Risk reviews",
                                heading + ": " + AREA_NAMES[i] + " rated " + rs.getInt(scores[i]) + " of 2",
                                comment));
                    }
                },
                id);
        jdbc.query(
                "select id, kind, on_date, note from risk_trigger_date where client_id = ? order by on_date",
                rs -> {
                    var triggerId = rs.getObject("id", UUID.class);
                    items.add(HeldItem.of(
                            "trigger-date/" + triggerId,
                            "Trigger dates",
                            rs.getString("kind") + " on "
                                    + DAY.format(rs.getDate("on_date").toLocalDate()),
                            encryption.openText(rs.getBytes("note"), RiskPlanColumns.TRIGGER_NOTE, triggerId)));
                },
                id);
        jdbc.query(
                "select * from safeguarding_concern where client_id = ? order by raised_at",
                rs -> {
                    var concernId = rs.getObject("id", UUID.class);
                    items.add(HeldItem.of(
                                    "concern/" + concernId,
                                    "Safeguarding concerns",
                                    "Concern learned "
                                            + DAY.format(
                                                    rs.getDate("learned_on").toLocalDate()) + " ("
                                            + rs.getString("category") + ")",
                                    encryption.openText(
                                            rs.getBytes("what_learned"), RiskPlanColumns.CONCERN_TEXT, concernId))
                            .safeguardingOnly());
                },
                id);
        jdbc.query(
                """
                select d.* from safeguarding_decision d join safeguarding_concern c on c.id = d.concern_id
                where c.client_id = ? order by d.decided_at""",
                rs -> {
                    var decisionId = rs.getObject("id", UUID.class);
                    var rationale = encryption.openText(
                            rs.getBytes("rationale"), RiskPlanColumns.DECISION_RATIONALE, decisionId);
                    var followUp = encryption.openText(
                            rs.getBytes("follow_up"), RiskPlanColumns.DECISION_FOLLOW_UP, decisionId);
                    items.add(HeldItem.of(
                                    "decision/" + decisionId,
                                    "Safeguarding concerns",
                                    "Decision on the concern (" + rs.getString("outcome") + ")",
                                    join(rationale, followUp))
                            .safeguardingOnly());
                },
                id);
        jdbc.query(
                """
                select m.* from safeguarding_comment m join safeguarding_concern c on c.id = m.concern_id
                where c.client_id = ? order by m.created_at""",
                rs -> {
                    var commentId = rs.getObject("id", UUID.class);
                    items.add(HeldItem.of(
                                    "concern-comment/" + commentId,
                                    "Safeguarding concerns",
                                    "Comment on a concern",
                                    encryption.openText(rs.getBytes("body"), RiskPlanColumns.COMMENT_BODY, commentId))
                            .safeguardingOnly());
                },
                id);
        jdbc.query(
                """
                select s.* from safeguarding_closure s join safeguarding_concern c on c.id = s.concern_id
                where c.client_id = ? order by s.closed_at""",
                rs -> {
                    var closureId = rs.getObject("id", UUID.class);
                    items.add(HeldItem.of(
                                    "concern-closure/" + closureId,
                                    "Safeguarding concerns",
                                    "Concern closed",
                                    encryption.openText(rs.getBytes("note"), RiskPlanColumns.CLOSURE_NOTE, closureId))
                            .safeguardingOnly());
                },
                id);
        return items;
    }

    private static @Nullable String join(@Nullable String first, @Nullable String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "\n" + second;
    }
}
