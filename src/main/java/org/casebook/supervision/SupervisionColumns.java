package org.casebook.supervision;

import org.casebook.encryption.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The supervision record's encrypted columns, declared so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class SupervisionColumns {

    static final EncryptedColumn DISCUSSION = new EncryptedColumn("supervision_record", "id", "discussion");
    static final EncryptedColumn AGREED_ACTIONS = new EncryptedColumn("supervision_record", "id", "agreed_actions");

    @Bean
    EncryptedColumn supervisionDiscussion() {
        return DISCUSSION;
    }

    @Bean
    EncryptedColumn supervisionAgreedActions() {
        return AGREED_ACTIONS;
    }
}
