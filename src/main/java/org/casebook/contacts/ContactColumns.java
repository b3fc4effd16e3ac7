package org.casebook.contacts;

import org.casebook.encryption.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contacts module's encrypted columns, declared so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class ContactColumns {

    static final EncryptedColumn NAME = new EncryptedColumn("contact", "id", "name");
    static final EncryptedColumn ORGANISATION = new EncryptedColumn("contact", "id", "organisation");
    static final EncryptedColumn PHONE = new EncryptedColumn("contact", "id", "phone");
    static final EncryptedColumn EMAIL = new EncryptedColumn("contact", "id", "email");
    static final EncryptedColumn RELATIONSHIP = new EncryptedColumn("client_contact", "id", "relationship");
    static final EncryptedColumn WHO = new EncryptedColumn("client_contact_log", "id", "who");
    static final EncryptedColumn SUMMARY = new EncryptedColumn("client_contact_log", "id", "summary");

    @Bean
    EncryptedColumn contactName() {
        return NAME;
    }

    @Bean
    EncryptedColumn contactOrganisation() {
        return ORGANISATION;
    }

    @Bean
    EncryptedColumn contactPhone() {
        return PHONE;
    }

    @Bean
    EncryptedColumn contactEmail() {
        return EMAIL;
    }

    @Bean
    EncryptedColumn clientContactRelationship() {
        return RELATIONSHIP;
    }

    @Bean
    EncryptedColumn contactLogWho() {
        return WHO;
    }

    @Bean
    EncryptedColumn contactLogSummary() {
        return SUMMARY;
    }
}
