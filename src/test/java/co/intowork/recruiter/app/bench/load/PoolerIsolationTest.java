package co.intowork.recruiter.app.bench.load;

import co.intowork.recruiter.settings.ConnectionSettings;
import co.intowork.recruiter.settings.DataSourceFactory;
import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Isolation under transaction pooling (issue 22, decision 0024): two desks of the same client login (Anne of Alpha,
 * Bruno of Beta) behind a real PgBouncer in transaction mode with ONE server connection for the login, so that
 * every transaction of both runs in the same PostgreSQL backend. Whatever one desk's transaction did (signed in,
 * failed, rolled back, was cut off), the other's next transaction sees nothing of it: the session is a
 * transaction-local setting (decision 0005). Raw SQL here is the attacker's psql; the desks' own statements are
 * the preamble the app runs.
 */
@Tag("pooler")
class PoolerIsolationTest {
    private static final String LOGIN = "pooler_isolation_client";
    private static final int ALPHA_JOB = 11;
    private static final int BETA_JOB = 21;

    private static TestDatabase.Db db;
    private static EmbeddedCluster cluster;
    private static String anne;
    private static String bruno;

    @BeforeAll
    static void oneServerConnectionForTwoDesks() throws SQLException {
        EmbeddedCluster.assumeInstalled();
        db = TwoCompanies.create("pooler_isolation");
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT recruiter.create_client_login('" + LOGIN + "', 20)");
        }
        cluster = new EmbeddedCluster(db, 1);
        cluster.startPooler(List.of(LOGIN));
        anne = signIn(TwoCompanies.ANNE);
        bruno = signIn(TwoCompanies.BRUNO);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void bothDesksRunInOneBackendYetNeitherSeesTheOthersSession() throws SQLException {
        try (Connection a = desk(); Connection b = desk()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            int backendA = asAnne(a);
            assertThat(visibleJobs(a)).contains(ALPHA_JOB).doesNotContain(BETA_JOB);
            a.commit();

            // Bruno's transaction gets the backend Anne's just left
            assertThat(backend(b)).isEqualTo(backendA);
            assertThat(setting(b, "recruiter.session")).isEmpty();
            assertThat(visibleJobs(b)).as("a transaction that has not signed in").isEmpty();
            b.commit();

            assertThat(session(b, bruno)).isEqualTo(backendA);
            assertThat(visibleJobs(b)).contains(BETA_JOB).doesNotContain(ALPHA_JOB);
            b.commit();
        }
    }

    @Test
    void afterAnErrorAndRollbackTheNextDeskStartsClean() throws SQLException {
        try (Connection a = desk(); Connection b = desk()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            int backendA = asAnne(a);
            assertThatThrownBy(() -> query(a, "SELECT 1 / 0")).isInstanceOf(SQLException.class);
            a.rollback();

            assertThat(backend(b)).isEqualTo(backendA);
            assertThat(setting(b, "recruiter.session")).isEmpty();
            assertThat(visibleJobs(b)).isEmpty();
            b.rollback();

            // a savepoint rolled back, then the transaction committed: the setting still ends with the transaction
            asAnne(a);
            query(a, "SAVEPOINT s1");
            assertThatThrownBy(() -> query(a, "SELECT recruiter.use_session('not-a-token')"))
                    .isInstanceOf(SQLException.class);
            query(a, "ROLLBACK TO SAVEPOINT s1");
            assertThat(visibleJobs(a)).contains(ALPHA_JOB);
            a.commit();

            assertThat(session(b, bruno)).isEqualTo(backendA);
            assertThat(visibleJobs(b)).contains(BETA_JOB).doesNotContain(ALPHA_JOB);
            b.commit();
        }
    }

    @Test
    void aDeskCutOffInsideItsTransactionLeavesNothingBehind() throws SQLException {
        try (Connection b = desk()) {
            b.setAutoCommit(false);
            Connection a = desk();
            a.setAutoCommit(false);
            asAnne(a);
            assertThat(visibleJobs(a)).contains(ALPHA_JOB);
            // the desk's network drops with its transaction open: PgBouncer must not hand that backend on as is
            a.abort(Runnable::run);

            assertThat(setting(b, "recruiter.session")).isEmpty();
            assertThat(visibleJobs(b)).isEmpty();
            b.rollback();
            session(b, bruno);
            assertThat(visibleJobs(b)).contains(BETA_JOB).doesNotContain(ALPHA_JOB);
            b.commit();
        }
    }

    /**
     * What transaction pooling cannot undo: a session-level SET persists on the server connection for the next
     * client of the same login (PgBouncer pools per login and database). A hostile desk that sets its own token for
     * the session can only lend its own rights; the app's every transaction signs in first, and its own session
     * wins, so the next desk still sees only its company, and a move it makes is recorded as its own.
     */
    @Test
    void aSessionLevelSetByAHostileDeskDoesNotChangeWhoTheNextDeskIs() throws SQLException {
        try (Connection a = desk(); Connection b = desk()) {
            a.setAutoCommit(true);
            query(a, "SELECT pg_catalog.set_config('recruiter.session', '" + anne + "', false)");
            query(a, "SELECT pg_catalog.set_config('recruiter.actor_user_id', '1', false)");
            int backendA = backend(a);

            try {
                b.setAutoCommit(false);
                assertThat(session(b, bruno)).isEqualTo(backendA);
                assertThat(visibleJobs(b)).contains(BETA_JOB).doesNotContain(ALPHA_JOB);
                assertThat(string(b, "SELECT recruiter.current_actor_user_id()::text"))
                        .isEqualTo(string(b, "SELECT recruiter.session_user_id()::text"));
                b.rollback();
                // the limit decision 0024 states: a transaction that skipped the preamble would run as the lender
                assertThat(backend(b)).isEqualTo(backendA);
                assertThat(visibleJobs(b)).as("what server_reset_query_always would clear").contains(ALPHA_JOB);
                b.rollback();
            } finally {
                query(a, "RESET ALL");
            }
        }
    }

    private static String signIn(String email) throws SQLException {
        try (Connection c = desk()) {
            String handle = string(c, "SELECT recruiter.sign_in_start('" + email + "', '" + TwoCompanies.PASSWORD
                    + "')");
            String token = string(c, "SELECT token FROM recruiter.sign_in_finish('" + handle + "')");
            assertThat(token).as("sign-in of " + email + " through PgBouncer").matches("[0-9a-f]{64}");
            return token;
        }
    }

    /** A desk's connection to PgBouncer with the client's driver settings for db.pooler=transaction. */
    private static Connection desk() throws SQLException {
        ConnectionSettings settings = new ConnectionSettings(cluster.url(), LOGIN, null,
                ConnectionSettings.SslMode.DISABLE, null, 1, 10, 30_000, 5_000, "IntoWork Recruiter (isolation)",
                ConnectionSettings.Pooler.TRANSACTION);
        Properties props = DataSourceFactory.driverProperties(settings);
        props.setProperty("user", LOGIN);
        return DriverManager.getConnection(settings.jdbcUrl(), props);
    }

    private static int asAnne(Connection c) throws SQLException {
        return session(c, anne);
    }

    /** The app's preamble (decision 0005), then the backend it ran in. */
    private static int session(Connection c, String token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT recruiter.use_session(?)")) {
            ps.setString(1, token);
            ps.execute();
        }
        return backend(c);
    }

    private static int backend(Connection c) throws SQLException {
        return Integer.parseInt(string(c, "SELECT pg_catalog.pg_backend_pid()::text"));
    }

    private static String setting(Connection c, String name) throws SQLException {
        String v = string(c, "SELECT coalesce(pg_catalog.current_setting('" + name + "', true), '')");
        return v == null ? "" : v;
    }

    private static List<Integer> visibleJobs(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM public.jobs")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    private static void query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
