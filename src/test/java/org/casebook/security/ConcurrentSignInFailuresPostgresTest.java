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

class ConcurrentSignInFailuresPostgresTest extends PostgresTest {

    private static final int ATTEMPTS = 24;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void simultaneousFailuresAreAllCountedAndLockTheAccountOnce() throws Exception {
        jdbc.update("update staff_account set failed_attempts = 0, failed_codes = 0, locked_until = null");
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < ATTEMPTS; i++) {
            tasks.add(() -> {
                start.await();
                throttle.recordFailure("counsellor1");
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
        assertThat(jdbc.queryForObject(
                        "select failed_attempts from staff_account where username = 'counsellor1'", Integer.class))
                .isEqualTo(ATTEMPTS);
        assertThat(throttle.isLocked("counsellor1")).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'ACCOUNT_LOCKED' and seq > ?",
                        Integer.class,
                        before))
                .isOne();
        assertThat(jdbc.queryForObject("select version from staff_account where username = 'counsellor1'", Long.class))
                .as("the entity's optimistic lock is left alone")
                .isZero();
    }
}
