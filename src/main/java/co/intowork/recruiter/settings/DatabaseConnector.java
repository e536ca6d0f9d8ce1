package co.intowork.recruiter.settings;

import co.intowork.recruiter.common.db.Database;
import co.intowork.recruiter.common.db.EmbeddedAdmin;
import co.intowork.recruiter.common.db.EmbeddedDatabase;
import co.intowork.recruiter.common.db.SqlErrors;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Opens the configured server, or starts the embedded one when none is configured. */
public final class DatabaseConnector {
    private DatabaseConnector() {
    }

    public static Database open(ResolvedSettings settings, AppPaths paths, Collection<Class<?>> mappers,
                                BooleanSupplier onUiThread, Consumer<String> progress) {
        return open(settings, paths, mappers, onUiThread, progress, ConnectionSettings.wantsEmbedded(settings));
    }

    /**
     * The embedded database as the demo's client login: a member of recruiter_app like any production login, so
     * row-level security applies exactly as on a server. {@code admin} (its superuser pool) is closed.
     */
    public static Database reopenEmbeddedAsClient(Database admin, ResolvedSettings settings,
                                                  Collection<Class<?>> mappers, BooleanSupplier onUiThread,
                                                  String login) {
        EmbeddedDatabase embedded = admin.embedded();
        if (embedded == null) {
            throw new IllegalArgumentException("Not the embedded database");
        }
        EmbeddedAdmin.ensureClientLogin(admin.dataSource(), login);
        ConnectionSettings cs = ConnectionSettings.embeddedDefaults(settings, embedded.jdbcUrlAs(login), login);
        HikariDataSource ds = pool(cs);
        Database client = new Database(ds, new Database.Target(true, "localhost", embedded.port(),
                EmbeddedDatabase.DATABASE_NAME, login), mappers, onUiThread, embedded);
        admin.closePool();
        return client;
    }

    public static Database open(ResolvedSettings settings, AppPaths paths, Collection<Class<?>> mappers,
                                BooleanSupplier onUiThread, Consumer<String> progress, boolean embeddedDemo) {
        if (embeddedDemo) {
            progress.accept("Starting the local demo database");
            EmbeddedDatabase embedded = EmbeddedDatabase.start(paths.embeddedDatabaseDir());
            try {
                ConnectionSettings cs = ConnectionSettings.embeddedDefaults(settings, embedded.jdbcUrl(),
                        EmbeddedDatabase.SUPERUSER);
                HikariDataSource ds = pool(cs);
                return new Database(ds, new Database.Target(true, "localhost", embedded.port(),
                        EmbeddedDatabase.DATABASE_NAME, cs.user()), mappers, onUiThread, embedded);
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
        ConnectionSettings cs = ConnectionSettings.from(settings);
        progress.accept("Connecting to " + describeUrl(cs.jdbcUrl()));
        HikariDataSource ds = pool(cs);
        Properties parsed = Driver.parseURL(cs.jdbcUrl(), new Properties());
        String host = parsed == null ? "?" : parsed.getProperty("PGHOST", "localhost");
        int port = parsed == null ? 5432 : Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
        String dbName = parsed == null ? "?" : parsed.getProperty("PGDBNAME", "");
        return new Database(ds, new Database.Target(false, host, port, dbName, cs.user()), mappers, onUiThread,
                null);
    }

    static HikariDataSource pool(ConnectionSettings cs) {
        try {
            return DataSourceFactory.create(cs, "intowork");
        } catch (HikariPool.PoolInitializationException e) {
            throw SqlErrors.translate(e.getCause() != null ? e.getCause() : e);
        }
    }

    public static String describeUrl(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            return jdbcUrl;
        }
        return parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432") + "/"
                + parsed.getProperty("PGDBNAME", "");
    }

    /**
     * Whether the configured server answers at all (a refused login still counts: the network is back). One bare
     * connection with a short timeout and no statement, for the offline window's once-a-minute look.
     */
    public static boolean serverAnswers(ResolvedSettings settings) {
        ConnectionSettings cs = ConnectionSettings.from(settings);
        Properties props = new Properties();
        if (cs.user() != null) {
            props.setProperty("user", cs.user());
        }
        cs.passwordIfSet().ifPresent(p -> props.setProperty("password", p));
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "8");
        props.setProperty("sslmode", cs.sslMode().pgValue());
        if (cs.sslRootCert() != null && !cs.sslRootCert().isBlank()) {
            props.setProperty("sslrootcert", cs.sslRootCert());
        }
        try (Connection ignored = new Driver().connect(cs.jdbcUrl(), props)) {
            return true;
        } catch (SQLException e) {
            return !SqlErrors.isUnreachable(e);
        }
    }
}
