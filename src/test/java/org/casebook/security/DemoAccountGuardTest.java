package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class DemoAccountGuardTest {

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    TeamRepository teams;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void productionRefusesADatabaseWithDemoAccounts() {
        assertThatThrownBy(() -> new DemoAccountGuard(accounts).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo accounts");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void productionStartsOnceNoDemoAccountIsLeft() {
        // The demo's clinical records refer to the demo staff; this test only asks about the accounts, and
        // rolls back, so the references are not checked while the accounts are gone (H2, test database only).
        jdbc.execute("set referential_integrity false");
        try {
            transaction.executeWithoutResult(status -> {
                accounts.findAll().forEach(a -> a.joinTeam(null));
                accounts.flush();
                teams.deleteAll();
                accounts.deleteAll();
                accounts.flush();
                assertThatCode(() -> new DemoAccountGuard(accounts).afterSingletonsInstantiated())
                        .doesNotThrowAnyException();
                status.setRollbackOnly();
            });
        } finally {
            jdbc.execute("set referential_integrity true");
        }
    }
}
