package org.casebook.tasks;

import org.casebook.encryption.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tasks module's encrypted column, declared so that key rotation re-encrypts it. */
@Configuration(proxyBeanMethods = false)
class TaskColumns {

    static final EncryptedColumn TITLE = new EncryptedColumn("task", "id", "title");

    @Bean
    EncryptedColumn taskTitle() {
        return TITLE;
    }
}
