package co.intowork.recruiter.auth;

import co.intowork.recruiter.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static org.assertj.core.api.Assertions.assertThat;

/** Raw JDBC as a client login, and the two-step sign-in (V31) as an attacker with psql would run it. */
final class ClientLogins {
    private ClientLogins() {
    }

    static Connection connect(TestDatabase.Db db, String login) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", login);
        String url = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        Connection c = DriverManager.getConnection(url, props);
        assertThat(string(c, "SELECT current_user")).isEqualTo(login);
        return c;
    }

    /** Both steps, each committed on its own; the session token. */
    static String signIn(TestDatabase.Db db, String login, String email, String password) throws SQLException {
        try (Connection c = connect(db, login)) {
            String handle = string(c, "SELECT recruiter.sign_in_start(?, ?)", email, password);
            String token = string(c, "SELECT token FROM recruiter.sign_in_finish(?)", handle);
            assertThat(token).as("sign-in of " + email).matches("[0-9a-f]{64}");
            return token;
        }
    }

    /**
     * Both steps, each committed on its own (autocommit): outcome|t when a token or a retry time came|attempts_left.
     */
    static String attempt(Connection c, String email, String password) throws SQLException {
        String handle = string(c, "SELECT recruiter.sign_in_start(?, ?)", email, password);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT outcome, token, retry_after, attempts_left FROM recruiter.sign_in_finish(?)")) {
            ps.setString(1, handle);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                boolean given = rs.getString(2) != null || rs.getObject(3) != null;
                Object left = rs.getObject(4);
                return rs.getString(1) + "|" + (given ? "t" : "") + "|" + (left == null ? "" : left);
            }
        }
    }
}
