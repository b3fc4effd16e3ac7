package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class DemoAccountGuardTest {

    @Autowired
    StaffAccountRepository accounts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    private DemoAccountGuard guard(String... profiles) {
        var environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new DemoAccountGuard(accounts, environment, "");
    }

    @Test
    void productionRefusesADatabaseWithDemoAccounts() {
        assertThatThrownBy(() -> guard("prod").afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo accounts");
    }

    @Test
    void anEvaluationOnProductionSettingsStartsWithTheDemoAccounts() {
        assertThatCode(() -> guard("prod", "evaluation").afterSingletonsInstantiated())
                .doesNotThrowAnyException();
    }

    @Test
    void theRemedyCommandStartsWithTheDemoAccountsItIsToRemove() {
        var environment = new MockEnvironment();
        environment.setActiveProfiles("prod", "command");
        assertThatCode(() -> new DemoAccountGuard(accounts, environment, "remove-demo-accounts")
                        .afterSingletonsInstantiated())
                .doesNotThrowAnyException();
    }

    @Test
    void productionStartsOnceNoDemoAccountCanSignIn() {
        transaction.executeWithoutResult(status -> {
            jdbc.update("update staff_account set enabled = false where demo");
            assertThatCode(() -> guard("prod").afterSingletonsInstantiated()).doesNotThrowAnyException();
            status.setRollbackOnly();
        });
    }

    @Test
    void productionStartsOnceNoDemoAccountIsLeft() {
        transaction.executeWithoutResult(status -> {
            // Clients (and other records) refer to the demo teams and staff, so the accounts stay and
            // only stop being demo accounts, as when real staff have replaced them.
            jdbc.update("update staff_account set demo = false");
            assertThatCode(() -> guard("prod").afterSingletonsInstantiated()).doesNotThrowAnyException();
            status.setRollbackOnly();
        });
    }
}
