package co.intowork.recruiter.common.db.shapes;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.testing.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Databases in the shapes the platform has built (platform-schema-variants.md), each from the DDL kept in
 * src/test/resources/co/intowork/recruiter/common/db/shapes, never adopted yet.
 */
public final class PlatformShapes {
    public enum Shape {
        /** create_all up to 2026-03-09: shared-schema.md. */
        OLDER("platform-2025.sql"),
        /** create_all since: status varchar(11), narrower job columns, fewer defaults, CHECK and indexes. */
        CURRENT("platform-2026.sql");

        final String ddl;

        Shape(String ddl) {
            this.ddl = ddl;
        }
    }

    private PlatformShapes() {
    }

    /** A platform database of this shape, altered by {@code changes} (plain SQL as an administrator would). */
    public static TestDatabase.Db build(String purpose, Shape shape, String... changes) {
        TestDatabase.Db db = TestDatabase.newEmptyDatabase(purpose);
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(MigratedDatabases.resource("/co/intowork/recruiter/common/db/shapes/" + shape.ddl));
            s.execute("RESET search_path");
            for (String change : changes) {
                s.execute(change);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }

    /** As {@link #build}, holding the realistic platform fixture (plain SQL), {@code changes} made after it. */
    public static TestDatabase.Db withFixture(String purpose, Shape shape, String... changes) {
        TestDatabase.Db db = build(purpose, shape);
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(fixtureFor(c, MigratedDatabases.resource(MigratedDatabases.FIXTURE)));
            s.execute("RESET search_path");
            for (String change : changes) {
                s.execute(change);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }

    /** Adopted with {@code migrate --baseline}, then auth/two-companies.sql loaded (the services' fixture). */
    public static TestDatabase.Db adoptedWithTwoCompanies(String purpose, Shape shape, String... changes) {
        TestDatabase.Db db = build(purpose, shape, changes);
        new Migrator(db.superuser()).migrate(true, null, msg -> { });
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(fixtureFor(c, MigratedDatabases.resource("/co/intowork/recruiter/auth/two-companies.sql")));
            s.execute("RESET search_path");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }

    /**
     * The fixtures cast statuses to the enum as the older platform wrote them; where the status column holds
     * strings (and, before adoption, no such type exists) the same rows are written as strings.
     */
    static String fixtureFor(Connection c, String sql) throws SQLException {
        String type = MigratedDatabases.string(c, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'public.job_applications'::regclass AND attname = 'status'");
        return type.startsWith("character varying")
                ? sql.replace("::public.applicationstatus", "::varchar").replace("::applicationstatus", "::varchar")
                : sql;
    }

    /** The database's superuser connections with a short lock wait for migrations (beforeEachMigrate). */
    public static DataSource withMigrationLockTimeout(TestDatabase.Db db, String timeout) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setOptions("-c intowork.migration_lock_timeout=" + timeout);
        return ds;
    }
}
