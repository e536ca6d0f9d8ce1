package co.intowork.recruiter.settings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import java.util.concurrent.TimeUnit;

/**
 * A HikariCP pool sized for one person at one desk (see decision 0002): a handful of connections, server-side
 * timeouts so a runaway statement cannot hang the window, and keepalives so a laptop's NAT does not silently
 * drop idle connections.
 */
public final class DataSourceFactory {
    private static final int IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

    private DataSourceFactory() {
    }

    public static HikariDataSource create(ConnectionSettings settings, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        settings.passwordIfSet().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(Math.max(1, settings.connectTimeoutSeconds())) + 2_000);
        config.setValidationTimeout(TimeUnit.SECONDS.toMillis(3));
        config.setIdleTimeout(TimeUnit.MINUTES.toMillis(10));
        config.setKeepaliveTime(TimeUnit.MINUTES.toMillis(4));
        config.setMaxLifetime(TimeUnit.MINUTES.toMillis(30));
        config.setAutoCommit(true);

        driverProperties(settings).forEach((k, v) -> config.addDataSourceProperty((String) k, v));
        failFast(config);
        return new HikariDataSource(config);
    }

    /**
     * The PostgreSQL driver's properties of the client's connections (without user and password): also used by
     * the load test's seats, whose connections must be the desk's.
     */
    public static Properties driverProperties(ConnectionSettings settings) {
        Properties props = new Properties();
        props.setProperty("ApplicationName", settings.applicationName());
        props.setProperty("connectTimeout", String.valueOf(settings.connectTimeoutSeconds()));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("sslmode", settings.sslMode().pgValue());
        if (settings.sslRootCert() != null && !settings.sslRootCert().isBlank()) {
            props.setProperty("sslrootcert", settings.sslRootCert());
        }
        if (settings.pooler() == ConnectionSettings.Pooler.TRANSACTION) {
            // Behind PgBouncer in transaction mode (decision 0024): each transaction may run on another server
            // connection, and PgBouncer 1.18 cannot carry a statement prepared on one to the next, so pgjdbc must
            // never name one (prepareThreshold=0: every statement is parsed unnamed, in its own round trip). The
            // timeouts cannot come as startup options (PgBouncer refuses the parameter): IT sets them on the login.
            props.setProperty("prepareThreshold", "0");
        } else {
            // Startup options instead of SQL after connect: they also apply to connections Flyway takes.
            props.setProperty("options", "-c statement_timeout=" + settings.statementTimeoutMs()
                    + " -c lock_timeout=" + settings.lockTimeoutMs()
                    + " -c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION_TIMEOUT_MS);
        }
        // A dead server must not freeze the app forever: give up a while after the statement timeout.
        if (settings.statementTimeoutMs() > 0) {
            props.setProperty("socketTimeout",
                    String.valueOf(TimeUnit.MILLISECONDS.toSeconds(settings.statementTimeoutMs()) + 30));
        }
        return props;
    }

    /**
     * One plain connection first, with the pool's own settings: when the server cannot be reached or refuses the
     * login, its error is reported at once. HikariCP reports the same error only after sleeping a second in its
     * fail-fast check, so an unreachable server cost every start (and every test of one) a second more.
     */
    private static void failFast(HikariConfig config) {
        Properties props = new Properties();
        props.putAll(config.getDataSourceProperties());
        if (config.getUsername() != null) {
            props.setProperty("user", config.getUsername());
        }
        if (config.getPassword() != null) {
            props.setProperty("password", config.getPassword());
        }
        try (Connection ignored = new Driver().connect(config.getJdbcUrl(), props)) {
            // reachable and the login accepted: the pool opens its own connections
        } catch (SQLException e) {
            throw new HikariPool.PoolInitializationException(e);
        }
    }
}
