package org.casebook.loaddata;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Wraps a DataSource to count, while switched on, every SQL statement executed (Hibernate's, Spring Data's
 * and JdbcTemplate's alike), the rows read from their results, and the time each statement took until its
 * results were read. For the page benchmark: the counts are what a page costs the database.
 */
final class StatementCounter {

    /** One statement's SQL text with its executions, rows read and time. */
    static final class Stat {
        final String sql;
        long executions;
        long rows;
        long nanos;

        Stat(String sql) {
            this.sql = sql;
        }
    }

    private final AtomicBoolean on = new AtomicBoolean();
    private final Map<String, Stat> stats = new HashMap<>();
    private long statements;
    private long rows;

    DataSource wrap(DataSource target) {
        return proxy(
                DataSource.class,
                target,
                (method, result, args) -> method.getName().equals("getConnection")
                        ? proxy(Connection.class, result, this::connection)
                        : result);
    }

    synchronized void start() {
        stats.clear();
        statements = 0;
        rows = 0;
        on.set(true);
    }

    synchronized void stop() {
        on.set(false);
    }

    synchronized long statements() {
        return statements;
    }

    synchronized long rows() {
        return rows;
    }

    synchronized List<Stat> heaviest(int n) {
        var all = new ArrayList<>(stats.values());
        all.sort(Comparator.comparingLong((Stat s) -> s.nanos).reversed());
        return all.subList(0, Math.min(n, all.size()));
    }

    private Object connection(Method method, Object result, Object[] args) {
        String name = method.getName();
        if (result instanceof PreparedStatement && (name.equals("prepareStatement") || name.equals("prepareCall"))) {
            var sql = (String) args[0];
            Class<? extends Statement> type = result instanceof java.sql.CallableStatement
                    ? java.sql.CallableStatement.class
                    : PreparedStatement.class;
            return proxy(type, result, (m, r, a) -> statement(m, r, a, sql));
        }
        if (result instanceof Statement && name.equals("createStatement")) {
            return proxy(Statement.class, result, (m, r, a) -> statement(m, r, a, null));
        }
        return result;
    }

    private Object statement(Method method, Object result, Object[] args, String prepared) {
        String name = method.getName();
        if (!on.get() || !name.startsWith("execute")) {
            return result;
        }
        String sql = prepared != null ? prepared : args != null && args.length > 0 ? (String) args[0] : "?";
        var stat = record(sql);
        if (result instanceof ResultSet resultSet) {
            return proxy(ResultSet.class, resultSet, (m, r, a) -> {
                if (m.getName().equals("next") && Boolean.TRUE.equals(r)) {
                    synchronized (this) {
                        rows++;
                        stat.rows++;
                    }
                }
                return r;
            });
        }
        return result;
    }

    private synchronized Stat record(String sql) {
        statements++;
        var stat = stats.computeIfAbsent(sql.strip().replaceAll("\\s+", " "), Stat::new);
        stat.executions++;
        stat.nanos += lastNanos.get();
        return stat;
    }

    private final ThreadLocal<Long> lastNanos = ThreadLocal.withInitial(() -> 0L);

    private interface After {
        Object apply(Method method, Object result, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, Object target, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            long started = System.nanoTime();
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            lastNanos.set(System.nanoTime() - started);
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return result;
            }
            return result == null ? null : after.apply(method, result, args);
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
