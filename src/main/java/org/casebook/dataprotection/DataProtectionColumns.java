package org.casebook.dataprotection;

import org.casebook.encryption.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This module's encrypted columns, declared so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class DataProtectionColumns {

    static final EncryptedColumn HOLD_REASON = new EncryptedColumn("legal_hold", "id", "reason");
    static final EncryptedColumn HOLD_RELEASE_REASON = new EncryptedColumn("legal_hold", "id", "release_reason");
    static final EncryptedColumn DECISION_REASON = new EncryptedColumn("data_request", "id", "decision_reason");
    static final EncryptedColumn CHOICE_PASSAGE = new EncryptedColumn("sar_choice", "id", "passage");
    static final EncryptedColumn CHOICE_REASON = new EncryptedColumn("sar_choice", "id", "reason");
    static final EncryptedColumn OLD_VALUE = new EncryptedColumn("rectification", "id", "old_value");
    static final EncryptedColumn RECTIFICATION_REASON = new EncryptedColumn("rectification", "id", "reason");

    @Bean
    EncryptedColumn legalHoldReason() {
        return HOLD_REASON;
    }

    @Bean
    EncryptedColumn legalHoldReleaseReason() {
        return HOLD_RELEASE_REASON;
    }

    @Bean
    EncryptedColumn dataRequestDecisionReason() {
        return DECISION_REASON;
    }

    @Bean
    EncryptedColumn sarChoicePassage() {
        return CHOICE_PASSAGE;
    }

    @Bean
    EncryptedColumn sarChoiceReason() {
        return CHOICE_REASON;
    }

    @Bean
    EncryptedColumn rectificationOldValue() {
        return OLD_VALUE;
    }

    @Bean
    EncryptedColumn rectificationReason() {
        return RECTIFICATION_REASON;
    }
}
