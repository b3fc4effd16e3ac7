package org.casebook.referral;

import org.casebook.encryption.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referral's encrypted columns, declared so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class ReferralColumns {

    static final EncryptedColumn REFERRER_CONTACT = new EncryptedColumn("referral", "id", "referrer_contact");
    static final EncryptedColumn CHILD_DETAILS = new EncryptedColumn("referral", "id", "child_details");
    static final EncryptedColumn SUMMARY = new EncryptedColumn("referral", "id", "summary");
    static final EncryptedColumn TRIAGE_REASON = new EncryptedColumn("referral", "id", "triage_reason");

    @Bean
    EncryptedColumn referralReferrerContact() {
        return REFERRER_CONTACT;
    }

    @Bean
    EncryptedColumn referralChildDetails() {
        return CHILD_DETAILS;
    }

    @Bean
    EncryptedColumn referralSummary() {
        return SUMMARY;
    }

    @Bean
    EncryptedColumn referralTriageReason() {
        return TRIAGE_REASON;
    }
}
