package org.casebook.riskplan;

import org.casebook.encryption.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This module's encrypted columns, declared so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class RiskPlanColumns {

    static final EncryptedColumn[] PLAN_SECTIONS = {
        new EncryptedColumn("risk_plan_version", "id", "goals"),
        new EncryptedColumn("risk_plan_version", "id", "triggers"),
        new EncryptedColumn("risk_plan_version", "id", "warning_signs"),
        new EncryptedColumn("risk_plan_version", "id", "coping"),
        new EncryptedColumn("risk_plan_version", "id", "protective_factors"),
        new EncryptedColumn("risk_plan_version", "id", "support_network"),
        new EncryptedColumn("risk_plan_version", "id", "external_conditions")
    };
    static final EncryptedColumn RATING_RATIONALE = new EncryptedColumn("risk_plan_version", "id", "rating_rationale");
    static final EncryptedColumn ACTION_WHAT = new EncryptedColumn("risk_plan_action", "id", "what");
    static final EncryptedColumn ACTION_WHO = new EncryptedColumn("risk_plan_action", "id", "who");
    static final EncryptedColumn[] REVIEW_COMMENTS = {
        new EncryptedColumn("risk_review", "id", "social_influences_comment"),
        new EncryptedColumn("risk_review", "id", "intimacy_deficits_comment"),
        new EncryptedColumn("risk_review", "id", "sexual_self_regulation_comment"),
        new EncryptedColumn("risk_review", "id", "general_self_regulation_comment"),
        new EncryptedColumn("risk_review", "id", "cooperation_comment")
    };
    static final EncryptedColumn TRIGGER_NOTE = new EncryptedColumn("risk_trigger_date", "id", "note");
    static final EncryptedColumn CONCERN_TEXT = new EncryptedColumn("safeguarding_concern", "id", "what_learned");
    static final EncryptedColumn DECISION_RATIONALE = new EncryptedColumn("safeguarding_decision", "id", "rationale");
    static final EncryptedColumn DECISION_FOLLOW_UP = new EncryptedColumn("safeguarding_decision", "id", "follow_up");
    static final EncryptedColumn CLOSURE_NOTE = new EncryptedColumn("safeguarding_closure", "id", "note");
    static final EncryptedColumn COMMENT_BODY = new EncryptedColumn("safeguarding_comment", "id", "body");

    @Bean
    EncryptedColumn riskPlanGoals() {
        return PLAN_SECTIONS[0];
    }

    @Bean
    EncryptedColumn riskPlanTriggers() {
        return PLAN_SECTIONS[1];
    }

    @Bean
    EncryptedColumn riskPlanWarningSigns() {
        return PLAN_SECTIONS[2];
    }

    @Bean
    EncryptedColumn riskPlanCoping() {
        return PLAN_SECTIONS[3];
    }

    @Bean
    EncryptedColumn riskPlanProtectiveFactors() {
        return PLAN_SECTIONS[4];
    }

    @Bean
    EncryptedColumn riskPlanSupportNetwork() {
        return PLAN_SECTIONS[5];
    }

    @Bean
    EncryptedColumn riskPlanExternalConditions() {
        return PLAN_SECTIONS[6];
    }

    @Bean
    EncryptedColumn riskPlanRatingRationale() {
        return RATING_RATIONALE;
    }

    @Bean
    EncryptedColumn riskPlanActionWhat() {
        return ACTION_WHAT;
    }

    @Bean
    EncryptedColumn riskPlanActionWho() {
        return ACTION_WHO;
    }

    @Bean
    EncryptedColumn riskReviewSocialComment() {
        return REVIEW_COMMENTS[0];
    }

    @Bean
    EncryptedColumn riskReviewIntimacyComment() {
        return REVIEW_COMMENTS[1];
    }

    @Bean
    EncryptedColumn riskReviewSexualComment() {
        return REVIEW_COMMENTS[2];
    }

    @Bean
    EncryptedColumn riskReviewGeneralComment() {
        return REVIEW_COMMENTS[3];
    }

    @Bean
    EncryptedColumn riskReviewCooperationComment() {
        return REVIEW_COMMENTS[4];
    }

    @Bean
    EncryptedColumn riskTriggerNote() {
        return TRIGGER_NOTE;
    }

    @Bean
    EncryptedColumn safeguardingConcernText() {
        return CONCERN_TEXT;
    }

    @Bean
    EncryptedColumn safeguardingDecisionRationale() {
        return DECISION_RATIONALE;
    }

    @Bean
    EncryptedColumn safeguardingDecisionFollowUp() {
        return DECISION_FOLLOW_UP;
    }

    @Bean
    EncryptedColumn safeguardingClosureNote() {
        return CLOSURE_NOTE;
    }

    @Bean
    EncryptedColumn safeguardingCommentBody() {
        return COMMENT_BODY;
    }
}
