package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class DemoAccountGuardTest {

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void productionRefusesADatabaseWithDemoAccounts() {
        assertThatThrownBy(() -> new DemoAccountGuard(accounts).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo accounts");
    }

    @Test
    void productionStartsOnceNoDemoAccountIsLeft() {
        transaction.executeWithoutResult(status -> {
            // Clinical records refer to the accounts, so they are kept and only stop being demo accounts.
            jdbc.update("update staff_account set demo = false");
            assertThatCode(() -> new DemoAccountGuard(accounts).afterSingletonsInstantiated())
                    .doesNotThrowAnyException();
            status.setRollbackOnly();
        });
    }
}
