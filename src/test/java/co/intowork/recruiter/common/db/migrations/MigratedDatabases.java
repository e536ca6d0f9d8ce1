package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.testing.Templates;
import co.intowork.recruiter.testing.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Databases at the shapes the migration tests need, and small JDBC helpers (plain SQL, as the platform writes). */
public final class MigratedDatabases {
    public static final String V1 = "/db/migration/V1__platform_schema.sql";
    public static final String FIXTURE = "/co/intowork/recruiter/common/db/migrations/platform-fixture.sql";
    public static final String BASIC_SEED = "/co/intowork/recruiter/common/db/migrations/basic-seed.sql";

    private MigratedDatabases() {
    }

    /** A new database at the latest version: a copy of one migrated from empty once per JVM. */
    public static TestDatabase.Db migrated(String purpose) {
        return Templates.migrated(purpose);
    }

    /**
     * A new database shaped like the platform's own (V1's script run directly, no Flyway history, as the web app
     * leaves it) holding the realistic fixture; adopt it with {@code migrate(true, ...)}.
     */
    public static TestDatabase.Db platformWithFixture(String purpose) {
        return Templates.copy("platform_with_fixture", purpose, () -> {
            TestDatabase.Db db = TestDatabase.newEmptyDatabase("tpl_platform");
            try (Connection c = db.superuser().getConnection()) {
                runScript(c, V1);
                runScript(c, FIXTURE);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return db;
        });
    }

    /** A new database migrated to the latest version, with a few rows (basic-seed.sql). */
    public static TestDatabase.Db migratedWithBasicRows(String purpose) {
        return Templates.migratedWithScript(BASIC_SEED, purpose);
    }

    /** A new database at version {@code target} (e.g. "1"): a copy of one migrated by Flyway from empty. */
    public static TestDatabase.Db migratedTo(String purpose, String target) {
        return Templates.migratedTo(target, purpose);
    }

    public static void runScript(Connection c, String resource) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(resource(resource));
            s.execute("RESET search_path");
        }
    }

    public static String resource(String name) {
        try (InputStream in = MigratedDatabases.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the statement, which must fail, and returns the failure. */
    public static SQLException failure(Connection c, String sql, Object... params) {
        try {
            exec(c, sql, params);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("Expected failure of: " + sql);
    }

    public static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.execute();
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        Object v = value(c, sql, params);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** The first column of the first row as PostgreSQL's text form (booleans t/f), or null. */
    public static String string(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public static Object value(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    /** The first column of every row, as strings, read as the superuser. */
    public static List<String> column(TestDatabase.Db db, String sql, Object... params) {
        try (Connection c = db.superuser().getConnection()) {
            return strings(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as strings. */
    public static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Every row, its columns joined with '|', for compact assertions. */
    public static List<String> rows(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        if (i > 1) {
                            b.append('|');
                        }
                        b.append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
