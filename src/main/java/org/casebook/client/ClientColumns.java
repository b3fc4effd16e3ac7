package org.casebook.client;

import org.casebook.encryption.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The client record's encrypted columns, declared so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class ClientColumns {

    static final EncryptedColumn PREFERRED_NAME = new EncryptedColumn("client", "id", "preferred_name");
    static final EncryptedColumn PHONE = new EncryptedColumn("client", "id", "phone");
    static final EncryptedColumn EMAIL = new EncryptedColumn("client", "id", "email");
    static final EncryptedColumn POSTAL_ADDRESS = new EncryptedColumn("client", "id", "postal_address");
    static final EncryptedColumn BEST_TIMES = new EncryptedColumn("client", "id", "best_times");
    static final EncryptedColumn CONTACT_NOTES = new EncryptedColumn("client", "id", "contact_notes");
    static final EncryptedColumn CLOSING_SUMMARY = new EncryptedColumn("client", "id", "closing_summary");
    static final EncryptedColumn EXCLUSION_REASON = new EncryptedColumn("client_exclusion", "id", "reason");
    static final EncryptedColumn HISTORY_REASON = new EncryptedColumn("client_history", "id", "reason");
    static final EncryptedColumn SHARE_NAMED = new EncryptedColumn("share_consent", "id", "named");
    static final EncryptedColumn BREAK_GLASS_REASON = new EncryptedColumn("break_glass_access", "id", "sealed_reason");
    static final EncryptedColumn BREAK_GLASS_REVIEW_NOTE =
            new EncryptedColumn("break_glass_access", "id", "sealed_review_note");

    @Bean
    EncryptedColumn clientPreferredName() {
        return PREFERRED_NAME;
    }

    @Bean
    EncryptedColumn clientPhone() {
        return PHONE;
    }

    @Bean
    EncryptedColumn clientEmail() {
        return EMAIL;
    }

    @Bean
    EncryptedColumn clientPostalAddress() {
        return POSTAL_ADDRESS;
    }

    @Bean
    EncryptedColumn clientBestTimes() {
        return BEST_TIMES;
    }

    @Bean
    EncryptedColumn clientContactNotes() {
        return CONTACT_NOTES;
    }

    @Bean
    EncryptedColumn clientClosingSummary() {
        return CLOSING_SUMMARY;
    }

    @Bean
    EncryptedColumn clientExclusionReason() {
        return EXCLUSION_REASON;
    }

    @Bean
    EncryptedColumn clientHistoryReason() {
        return HISTORY_REASON;
    }

    @Bean
    EncryptedColumn shareConsentNamed() {
        return SHARE_NAMED;
    }

    @Bean
    EncryptedColumn breakGlassReason() {
        return BREAK_GLASS_REASON;
    }

    @Bean
    EncryptedColumn breakGlassReviewNote() {
        return BREAK_GLASS_REVIEW_NOTE;
    }
}
