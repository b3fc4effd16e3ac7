package org.casebook.encryption;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The application's {@link FieldEncryption}, made when the context starts, before the web server opens
 * its port: without a usable keyset Casebook does not start at all.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    @Bean
    FieldEncryption fieldEncryption(EncryptionProperties properties, Environment environment) {
        return new FieldEncryption(new KeysetSource(properties, isProduction(environment)).loadForApplication());
    }

    static boolean isProduction(Environment environment) {
        return environment.matchesProfiles("prod");
    }
}
