package org.casebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.casebook.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Codes sent all at once are checked one after another, so no more than five are ever tried. */
class ConcurrentCodeAttemptsPostgresTest extends PostgresTest {

    private static final int ATTEMPTS = 20;

    @Autowired
    TwoFactorService twoFactor;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void simultaneousWrongCodesAreCheckedOnlyUntilTheFifthLocksTheAccount() throws Exception {
        var id = jdbc.queryForObject(
                "select cast(id as varchar(20)) from staff_account where username = 'counsellor2'", String.class);
        jdbc.update("update staff_account set failed_attempts = 0, failed_codes = 0, locked_until = null");
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < ATTEMPTS; i++) {
            var guess = "%06d".formatted(i);
            tasks.add(() -> {
                start.await();
                try {
                    runAs.as("counsellor2", () -> twoFactor.verify(guess));
                    return true;
                } catch (SecondFactorRefused refused) {
                    return false;
                }
            });
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                assertThat(future.get()).isFalse();
            }
        }
        assertThat(throttle.isLocked("counsellor2")).isTrue();
        assertThat(jdbc.queryForList(
                        "select reason from audit_entry where seq > ? and record_id = ?"
                                + " and action = 'SECOND_FACTOR_FAILURE'",
                        String.class,
                        before,
                        id))
                .hasSize(ATTEMPTS)
                .filteredOn("wrong code"::equals)
                .as("codes actually checked")
                .hasSize(SignInThrottle.LOCK_AFTER_CODES);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where seq > ? and record_id = ?"
                                + " and action = 'ACCOUNT_LOCKED'",
                        Integer.class,
                        before,
                        id))
                .isOne();
        assertThat(jdbc.queryForObject(
                        "select failed_codes from staff_account where username = 'counsellor2'", Integer.class))
                .isEqualTo(ATTEMPTS);
    }
}
