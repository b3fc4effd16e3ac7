package org.casebook;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL driver settings: timeouts, so a database that is down or cut off is reported within seconds rather
 * than after the driver's defaults (a connect waits 10 s, a read forever). They go to the pool as driver
 * properties (pgjdbc counts in seconds), only for a PostgreSQL URL, since H2 refuses settings it does not
 * know; a value given in {@code spring.datasource.hikari.data-source-properties} or the URL wins. The pool's
 * own waits are {@code spring.datasource.hikari.connection-timeout} and {@code validation-timeout}.
 */
@Component
class PostgresTimeouts implements BeanPostProcessor {

    private final Duration connect;
    private final Duration login;
    private final Duration socket;

    PostgresTimeouts(Environment environment) {
        var binder = Binder.get(environment);
        this.connect =
                binder.bind("casebook.database.connect-timeout", Duration.class).orElse(Duration.ofSeconds(2));
        this.login =
                binder.bind("casebook.database.login-timeout", Duration.class).orElse(Duration.ofSeconds(3));
        this.socket =
                binder.bind("casebook.database.socket-timeout", Duration.class).orElse(Duration.ofSeconds(60));
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            var url = pool.getJdbcUrl();
            var properties = pool.getDataSourceProperties();
            putUnlessGiven(properties, url, "connectTimeout", connect);
            putUnlessGiven(properties, url, "loginTimeout", login);
            putUnlessGiven(properties, url, "socketTimeout", socket);
            putUnlessGiven(properties, url, "tcpKeepAlive", "true");
            // Server errors then carry no row values (a duplicate key's value, say) into exceptions and logs.
            putUnlessGiven(properties, url, "logServerErrorDetail", "false");
        }
        return bean;
    }

    private static void putUnlessGiven(java.util.Properties properties, String url, String name, Duration value) {
        putUnlessGiven(properties, url, name, Long.toString(Math.max(1, value.toSeconds())));
    }

    private static void putUnlessGiven(java.util.Properties properties, String url, String name, String value) {
        if (!properties.containsKey(name) && !url.contains(name + "=")) {
            properties.setProperty(name, value);
        }
    }
}
