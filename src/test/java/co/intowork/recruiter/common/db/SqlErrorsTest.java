package co.intowork.recruiter.common.db;

import co.intowork.recruiter.settings.DatabaseConnector;
import co.intowork.recruiter.settings.AppPaths;
import co.intowork.recruiter.settings.ResolvedSettings;
import co.intowork.recruiter.settings.SettingKey;
import co.intowork.recruiter.settings.SettingsLoader;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Each SQLSTATE the user can meet becomes a sentence saying what happened and what to do. Where the embedded
 * server can produce the failure for real, it does; the rest are built the way the driver builds them.
 */
class SqlErrorsTest {
    @TempDir
    static Path temp;

    static TestDatabase.Db db;

    @BeforeAll
    static void platformSchema() throws Exception {
        db = TestDatabase.newEmptyDatabase("sqlerrors");
        try (InputStream in = SqlErrorsTest.class.getResourceAsStream("/db/migration/V1__platform_schema.sql");
             Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            assertThat(in).as("V1 on the class path").isNotNull();
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            // no explicit ids: the sequences hand them out, so a second insert can only clash on the e-mail
            s.execute("INSERT INTO public.users (email, role, first_name, last_name)"
                    + " VALUES ('awa@example.sn', 'EMPLOYER', 'Awa', 'Ndiaye')");
            s.execute("INSERT INTO public.companies (name) VALUES ('Sahel Logistique')");
            s.execute("INSERT INTO public.employers (user_id, company_id) SELECT u.id, c.id"
                    + " FROM public.users u, public.companies c");
        }
    }

    private static SQLException provoke(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.execute(sql));
            assertThat((Throwable) e).as("'" + sql + "' should fail").isNotNull();
            return e;
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------- integrity, for real

    @Test
    void uniqueViolationSaysDuplicateAndNamesTheConstraint() throws SQLException {
        SQLException e = provoke("INSERT INTO public.users (email, role, first_name, last_name)"
                + " VALUES ('awa@example.sn', 'EMPLOYER', 'Awa', 'Diop')");
        assertThat(e.getSQLState()).isEqualTo("23505");
        assertThat(SqlErrors.describe(e)).isEqualTo("This would create a duplicate (ix_users_email): the same record "
                + "already exists. Refresh to see it; nothing was changed.");
        assertThat(count("SELECT count(*) FROM public.users")).isEqualTo(1);
    }

    @Test
    void checkViolationSaysWhichRuleAndToCorrectTheValues() throws SQLException {
        SQLException e = provoke("INSERT INTO public.jobs (employer_id, company_id, title, description, job_type,"
                + " location_type, status, salary_min, salary_max)"
                + " SELECT e.id, e.company_id, 'Comptable', 'Tenue des comptes', 'full_time', 'onsite', 'draft',"
                + " 900000, 500000 FROM public.employers e");
        assertThat(e.getSQLState()).isEqualTo("23514");
        assertThat(SqlErrors.describe(e)).isEqualTo("These values break a rule of the database "
                + "(ck_jobs_salary_min_lte_max). Correct them and save again; nothing was changed.");
    }

    @Test
    void foreignKeyViolationSaysTheRecordIsGone() throws SQLException {
        SQLException e = provoke("INSERT INTO public.employers (user_id, company_id) SELECT 999, id FROM public.companies");
        assertThat(e.getSQLState()).isEqualTo("23503");
        assertThat(SqlErrors.describe(e)).isEqualTo("This refers to a record that does not exist any more "
                + "(employers_user_id_fkey). Refresh and try again; nothing was changed.");
    }

    @Test
    void notNullViolationAsksForTheMissingValue() throws SQLException {
        SQLException e = provoke("INSERT INTO public.companies (name) VALUES (NULL)");
        assertThat(e.getSQLState()).isEqualTo("23502");
        assertThat(SqlErrors.describe(e)).startsWith("A required value is missing").endsWith("Fill it in and save again.");
    }

    @Test
    void badValueFormIsQuotedWithoutTheErrorPrefix() throws SQLException {
        SQLException e = provoke("SELECT 'lundi'::date");
        assertThat(e.getSQLState()).isEqualTo("22007");
        assertThat(SqlErrors.describe(e)).startsWith("A value has the wrong form (invalid input syntax for type date")
                .doesNotContain("ERROR:")
                .endsWith("Correct it and try again.");
    }

    // ------------------------------------------------------------------------------------- timeouts, for real

    @Test
    void lockTimeoutSaysSomeoneElseIsChangingTheRecord() throws SQLException {
        try (Connection holder = db.superuser().getConnection(); Connection waiter = db.superuser().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("UPDATE public.companies SET city = 'Dakar' WHERE name = 'Sahel Logistique'");
            }
            try (Statement s = waiter.createStatement()) {
                s.execute("SET lock_timeout = '300ms'");
                SQLException e = catchThrowableOfType(SQLException.class,
                        () -> s.execute("UPDATE public.companies SET city = 'Thiès' WHERE name = 'Sahel Logistique'"));
                assertThat((Throwable) e).isNotNull();
                assertThat(e.getSQLState()).isEqualTo("55P03");
                assertThat(SqlErrors.describe(e)).isEqualTo("Someone else is changing the same record right now. "
                        + "Wait a moment and try again; nothing was changed.");
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void statementTimeoutSaysItTookTooLong() throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = '200ms'");
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.execute("SELECT pg_sleep(3)"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(SqlErrors.describe(e)).isEqualTo("The database took too long to answer, so the request was "
                    + "stopped. Try again, or narrow the search.");
        }
    }

    // --------------------------------------------------------------------------------- connections, for real

    @Test
    void connectionLostMidStatementIsA08StateAndSaysNothingWasSaved() throws SQLException {
        // The driver gives up reading after socketTimeout: the same failure as a dropped network.
        Properties props = new Properties();
        props.setProperty("socketTimeout", "1");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), props); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.execute("SELECT pg_sleep(4)"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).startsWith("08");
            assertThat(SqlErrors.find(e, SocketTimeoutException.class)).isPresent();
            assertThat(SqlErrors.describe(e)).startsWith("The connection to the database was lost or could not be "
                    + "made (").endsWith("Check your network and try again; nothing was saved.");
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIs3D000AndSaysToCheckTheName() {
        String url = db.jdbcUrl().replace("/" + db.name() + "?", "/no_such_db_here?");
        assertThat(url).contains("no_such_db_here");
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url).close());
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("3D000");
        assertThat(SqlErrors.describe(e)).startsWith("The database named in the server address does not exist (")
                .contains("database \"no_such_db_here\" does not exist")
                .endsWith("). Check the database name in db.url.");
    }

    @Test
    void anUnreachableServerThroughTheConnectorSaysItCouldNotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ResolvedSettings settings = settings("jdbc:postgresql://127.0.0.1:" + closedPort + "/intowork");
        List<String> progress = new ArrayList<>();
        UserFacingException e = catchThrowableOfType(UserFacingException.class,
                () -> DatabaseConnector.open(settings, paths(), List.of(), () -> false, progress::add).close());
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getMessage())
                .startsWith("The database server could not be reached (")
                .contains("Check that the address and port are right, that the server is running");
        assertThat(SqlErrors.find(e, ConnectException.class)).isPresent();
        assertThat(progress).containsExactly("Connecting to 127.0.0.1:" + closedPort + "/intowork");
    }

    @Test
    void anUnknownHostNameSaysTheNameCouldNotBeFound() {
        ResolvedSettings settings = settings("jdbc:postgresql://no-such-host.invalid:5432/intowork");
        UserFacingException e = catchThrowableOfType(UserFacingException.class,
                () -> DatabaseConnector.open(settings, paths(), List.of(), () -> false, m -> { }).close());
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getMessage()).startsWith("The database server's name could not be found")
                .contains("Check the server address in the settings");
    }

    @Test
    void theConnectorOpensAReachableServerAndNamesIt() {
        ResolvedSettings settings = settings(db.jdbcUrl());
        try (Database database = DatabaseConnector.open(settings, paths(), List.of(), () -> false, m -> { })) {
            assertThat(database.isEmbedded()).isFalse();
            assertThat(database.target().database()).isEqualTo(db.name());
            assertThat(database.target().host()).isEqualTo("localhost");
            assertThat(database.serverVersion()).startsWith("15.");
        }
    }

    private static AppPaths paths() {
        return new AppPaths(Map.of("INTOWORK_MACHINE_CONFIG", temp.resolve("m.properties").toString(),
                "INTOWORK_USER_CONFIG", temp.resolve("u.properties").toString(),
                "INTOWORK_DATA_DIR", temp.resolve("data").toString()), "Linux", temp);
    }

    private static ResolvedSettings settings(String url) {
        Map<SettingKey, String> flags = new EnumMap<>(SettingKey.class);
        flags.put(SettingKey.DB_URL, url);
        flags.put(SettingKey.SSL_MODE, "disable");
        return new SettingsLoader(paths(), Map.of("INTOWORK_DB_CONNECT_TIMEOUT", "2")).load(flags);
    }

    // ------------------------------------------------------------------ authentication (the server trusts all)

    /**
     * zonky's initdb runs with {@code -A trust}: every pg_hba line trusts, so a wrong password is accepted and
     * 28P01 cannot be provoked on the shared test server (rewriting its pg_hba would disturb the other tests).
     * This test proves the premise and is skipped when it holds; the next tests build the driver's exception
     * from the exact message PostgreSQL 15 sends.
     */
    @Test
    void wrongPasswordAgainstTheRealServer() throws SQLException {
        List<String> methods = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pw_probe') THEN "
                    + "CREATE ROLE pw_probe LOGIN PASSWORD 'right-one'; END IF; END $$");
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT auth_method FROM pg_hba_file_rules")) {
                while (rs.next()) {
                    methods.add(rs.getString(1));
                }
            }
        }
        boolean acceptedWrongPassword;
        String url = db.jdbcUrl().replaceAll("\\?.*$", "");
        try (Connection ignored = DriverManager.getConnection(url, "pw_probe", "wrong-one")) {
            acceptedWrongPassword = true;
        } catch (SQLException e) {
            acceptedWrongPassword = false;
            assertThat(e.getSQLState()).isEqualTo("28P01");
            assertThat(SqlErrors.describe(e)).startsWith("The database refused the user name or password.");
        }
        assumeFalse(methods.equals(List.of("trust")) && acceptedWrongPassword,
                "The embedded test server trusts every connection (pg_hba: " + methods + "), so a wrong password "
                        + "is accepted; 28P01 is checked with the driver's exception built from PostgreSQL's message.");
    }

    /** What the driver throws when the server answers with an error packet (severity, SQLSTATE, message). */
    private static PSQLException serverError(String severity, String sqlState, String message) {
        return new PSQLException(new ServerErrorMessage("S" + severity + "\0V" + severity + "\0C" + sqlState
                + "\0M" + message + "\0Fauth.c\0L326\0Rauth_failed\0"));
    }

    private static PSQLException serverError(String sqlState, String message) {
        return serverError("FATAL", sqlState, message);
    }

    @Test
    void wrongPasswordSaysToCheckTheCredentials() {
        PSQLException e = serverError("28P01", "password authentication failed for user \"recruteur\"");
        assertThat(e.getSQLState()).isEqualTo("28P01");
        assertThat(SqlErrors.describe(e)).isEqualTo("The database refused the user name or password. Check the "
                + "credentials in the settings (db.user, db.password) or ask IT for the right ones.");
    }

    @Test
    void serverRequiringSslSaysToTurnItOn() {
        // PostgreSQL 15's wording (checked against the zonky 15.13 binaries with a hostssl-only pg_hba) ...
        PSQLException pg15 = serverError("28000",
                "no pg_hba.conf entry for host \"10.0.0.7\", user \"recruteur\", database \"intowork\", no encryption");
        // ... and the wording of servers before 14.
        PSQLException pg13 = serverError("28000",
                "no pg_hba.conf entry for host \"10.0.0.7\", user \"recruteur\", database \"intowork\", SSL off");
        String expected = "The database server only accepts encrypted connections. Set db.sslmode to require (or "
                + "verify-full with db.sslrootcert) and connect again.";
        assertThat(SqlErrors.describe(pg15)).isEqualTo(expected);
        assertThat(SqlErrors.describe(pg13)).isEqualTo(expected);
    }

    @Test
    void otherwiseRefusedConnectionSaysToAskIt() {
        PSQLException e = serverError("28000", "no pg_hba.conf entry for host \"10.0.0.7\", user \"recruteur\", "
                + "database \"intowork\", SSL encryption");
        assertThat(SqlErrors.describe(e)).startsWith("The database server refused this connection (")
                .contains("no pg_hba.conf entry for host \"10.0.0.7\"")
                .doesNotContain("encrypted connections")
                .endsWith("Ask IT to allow this user and computer.");
    }

    // ----------------------------------------------------------------------------------- translation itself

    @Test
    void otherConnectionFailureStatesSayTheConnectionWasLost() {
        for (PSQLState state : new PSQLState[]{PSQLState.CONNECTION_FAILURE, PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                PSQLState.CONNECTION_DOES_NOT_EXIST, PSQLState.CONNECTION_FAILURE_DURING_TRANSACTION}) {
            PSQLException e = new PSQLException("An I/O error occurred while sending to the backend.", state);
            assertThat(SqlErrors.describe(e)).as(state.getState())
                    .isEqualTo("The connection to the database was lost or could not be made (An I/O error occurred "
                            + "while sending to the backend.). Check your network and try again; nothing was saved.");
        }
    }

    @Test
    void theCauseChainIsSearchedAndTranslateKeepsTheCause() {
        SQLException sql = serverError("55P03", "could not obtain lock on row in relation \"jobs\"");
        RuntimeException wrapped = new RuntimeException("mapper failed", new IllegalStateException("inner", sql));
        UserFacingException translated = SqlErrors.translate(wrapped);
        assertThat(translated.getMessage()).startsWith("Someone else is changing the same record right now.");
        assertThat(translated.getCause()).isSameAs(wrapped);
        assertThat(SqlErrors.translate(translated)).isSameAs(translated);
    }

    @Test
    void somethingThatIsNotADatabaseErrorStillGetsASentence() {
        assertThat(SqlErrors.describe(new IllegalStateException("disk full")))
                .isEqualTo("Something went wrong: disk full. Try again; if it keeps happening, send the log file to "
                        + "your IT support.");
        assertThat(SqlErrors.describe(new RuntimeException(new UnknownHostException("db.intowork.example"))))
                .startsWith("The database server's name could not be found (db.intowork.example).");
        assertThat(SqlErrors.describe(new SocketTimeoutException("Read timed out")))
                .isEqualTo("The database server did not answer in time. Check your network connection and try again.");
    }

    @Test
    void anUnknownStateQuotesTheServerMessage() {
        PSQLException e = serverError("ERROR", "XX000", "something unexpected\nsecond line");
        assertThat(SqlErrors.describe(e)).isEqualTo("The database reported an error: something unexpected. "
                + "Try again; if it keeps happening, send the log file to your IT support.");
        assertThatThrownBy(() -> {
            throw SqlErrors.translate(e);
        }).isInstanceOf(UserFacingException.class).hasCause(e);
    }
}
