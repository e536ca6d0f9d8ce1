package co.intowork.recruiter.common.db;

import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool's settings must reach the server: they are what keeps a runaway statement from hanging the window. */
class DataSourcePoolTest {
    private static final String APP_NAME = "IntoWork Pool Test";

    @TempDir
    static Path temp;

    static TestDatabase.Db db;
    static ConnectionSettings settings;
    static HikariDataSource pool;

    @BeforeAll
    static void openPool() {
        db = TestDatabase.newEmptyDatabase("pool");
        // Through the real settings path: environment values, resolved, validated, then handed to the factory.
        Map<String, String> env = Map.of(
                "INTOWORK_DB_URL", db.jdbcUrl(),
                "INTOWORK_DB_USER", db.user(),
                "INTOWORK_DB_SSLMODE", "disable",
                "INTOWORK_DB_POOL_SIZE", "3",
                "INTOWORK_DB_CONNECT_TIMEOUT", "1",
                "INTOWORK_DB_STATEMENT_TIMEOUT_MS", "1500",
                "INTOWORK_DB_LOCK_TIMEOUT_MS", "700",
                "INTOWORK_DB_APPLICATION_NAME", APP_NAME);
        AppPaths paths = new AppPaths(Map.of(
                "INTOWORK_MACHINE_CONFIG", temp.resolve("machine.properties").toString(),
                "INTOWORK_USER_CONFIG", temp.resolve("user.properties").toString()), "Linux", temp);
        settings = ConnectionSettings.from(new SettingsLoader(paths, env).load(new EnumMap<>(SettingKey.class)));
        assertThat(settings.statementTimeoutMs()).isEqualTo(1500);
        pool = DataSourceFactory.create(settings, "pool-test");
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    private static String show(String parameter) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + parameter)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void statementTimeoutReachesTheServer() throws SQLException {
        assertThat(show("statement_timeout")).isEqualTo("1500ms");
    }

    @Test
    void lockTimeoutReachesTheServer() throws SQLException {
        assertThat(show("lock_timeout")).isEqualTo("700ms");
    }

    @Test
    void idleInTransactionTimeoutIsOneMinute() throws SQLException {
        assertThat(show("idle_in_transaction_session_timeout")).isEqualTo("1min");
    }

    @Test
    void applicationNameReachesTheServer() throws SQLException {
        assertThat(show("application_name")).isEqualTo(APP_NAME);
    }

    @Test
    void connectsToTheConfiguredDatabaseAsTheConfiguredUser() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(db.name());
            assertThat(rs.getString(2)).isEqualTo("postgres");
        }
    }

    @Test
    void poolIsSizedAsConfiguredAndNeverOpensMore() throws SQLException {
        assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
        assertThat(pool.getMinimumIdle()).isEqualTo(1);
        assertThat(pool.isAutoCommit()).isTrue();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(pool.getConnection());
            }
            // All three are taken: the fourth waits for the connection timeout, then gives up.
            long started = System.nanoTime();
            assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(2_500);
            try (Statement s = held.get(0).createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                         + " AND application_name = '" + APP_NAME + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void aStatementLongerThanTheTimeoutIsStoppedByTheServer() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(5)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("57014");
                        assertThat(SqlErrors.describe(e)).isEqualTo("The database took too long to answer, so the "
                                + "request was stopped. Try again, or narrow the search.");
                        assertThat(SqlErrors.translate(e)).isInstanceOf(UserFacingException.class)
                                .hasMessageContaining("took too long").hasCause(e);
                    });
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertThat(ms).isBetween(1_400L, 4_500L);
            // the connection survives the cancelled statement
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void aStatementWithinTheTimeoutCompletes() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_sleep(0.2), 42")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(2)).isEqualTo(42);
        }
    }

    @Test
    void migratingThroughThePoolLeavesEveryConnectionWithThePoolsTimeouts() throws SQLException {
        new Migrator(pool).migrate(false, null, message -> { });

        // Migrations lift the timeouts on their connection; that connection then goes back to this pool.
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(pool.getConnection());
            }
            for (Connection c : held) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT current_setting('statement_timeout'), current_setting('lock_timeout')")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("1500ms");
                    assertThat(rs.getString(2)).isEqualTo("700ms");
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
