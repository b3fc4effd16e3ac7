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
// Its own context (and so its own in-memory database): other tests leave clients and clinical records, which
// refer to the accounts this test deletes.
@org.springframework.test.context.TestPropertySource(properties = "casebook.test.context=demo-account-guard")
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

    @Test
    void productionStartsOnceNoDemoAccountIsLeft() {
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
    }
}
