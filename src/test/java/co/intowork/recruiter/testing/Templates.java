package co.intowork.recruiter.testing;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Template databases, each built once per test JVM on first use and then copied for every test that asks
 * (CREATE DATABASE ... TEMPLATE). They are built by running what is there at run time (the migrations on the class
 * path, the fixture scripts, the seeders), never from a stored dump, so a new migration is in every copy.
 *
 * <p>A template is never handed out: nothing but its builder ever connects to it, since PostgreSQL copies only a
 * database nobody is connected to. After the build it refuses connections, so a stray one fails at once.
 */
public final class Templates {
    private static final Map<String, TestDatabase.Db> BUILT = new HashMap<>();
    private static String builtOn;

    private Templates() {
    }

    /**
     * A new copy of the template called {@code key}, built first by {@code build} if this JVM has not built it yet.
     * {@code build} returns a new database holding the content and must leave no connection open to it.
     */
    public static TestDatabase.Db copy(String key, String purpose, Supplier<TestDatabase.Db> build) {
        return TestDatabase.copyOf(template(key, build), purpose);
    }

    /** A new database at the latest schema. */
    public static TestDatabase.Db migrated(String purpose) {
        return copy("migrated", purpose, () -> {
            TestDatabase.Db db = TestDatabase.newEmptyDatabase("tpl_migrated");
            new Migrator(db.superuser()).migrate(false, null, msg -> { });
            return db;
        });
    }

    /** A new database migrated by Flyway from empty to version {@code target} (e.g. "7"). */
    public static TestDatabase.Db migratedTo(String target, String purpose) {
        return copy("migrated_to_" + target, purpose, () -> {
            TestDatabase.Db db = TestDatabase.newEmptyDatabase("tpl_v" + target);
            new Migrator(db.superuser()).migrate(false, target, msg -> { });
            return db;
        });
    }

    /** A new database at the latest schema holding the rows of the SQL script on the class path at {@code resource}. */
    public static TestDatabase.Db migratedWithScript(String resource, String purpose) {
        return copy("script:" + resource, purpose, () -> {
            TestDatabase.Db db = migrated("tpl_script");
            try (Connection c = db.superuser().getConnection()) {
                MigratedDatabases.runScript(c, resource);
            } catch (SQLException e) {
                throw new IllegalStateException(resource, e);
            }
            return db;
        });
    }

    private static synchronized TestDatabase.Db template(String key, Supplier<TestDatabase.Db> build) {
        if (!today().equals(builtOn)) {
            // fixtures date rows with now(): past midnight, a copy would hold yesterday's "today"
            BUILT.clear();
            builtOn = today();
        }
        TestDatabase.Db template = BUILT.get(key);
        if (template == null) {
            template = build.get();
            try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection();
                 Statement s = c.createStatement()) {
                // the name comes from TestDatabase: [a-z0-9_] only
                s.execute("ALTER DATABASE " + template.name() + " WITH ALLOW_CONNECTIONS false");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            BUILT.put(key, template);
        }
        return template;
    }

    /** The date here and in UTC: whichever a test or the database reads "today" in. */
    private static String today() {
        return LocalDate.now() + "/" + LocalDate.now(ZoneOffset.UTC);
    }
}
