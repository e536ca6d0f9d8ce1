package co.intowork.recruiter.auth;

import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live board's isolation (V42, decision 0021) attacked as a raw client login with psql would: the events
 * table, the secret, the channel function without a session, another company's channel, a forged cursor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEventsAttackTest {
    TestDatabase.Db db;
    String anne;
    String bruno;
    String hugo;

    @BeforeAll
    void setUp() throws SQLException {
        db = TwoCompanies.create("live_attack");
        try (Connection admin = db.superuser().getConnection()) {
            exec(admin, "SELECT recruiter.create_client_login(?, 200)", TwoCompanies.CLIENT_LOGIN);
        }
        anne = ClientLogins.signIn(db, TwoCompanies.CLIENT_LOGIN, TwoCompanies.ANNE, TwoCompanies.PASSWORD);
        bruno = ClientLogins.signIn(db, TwoCompanies.CLIENT_LOGIN, TwoCompanies.BRUNO, TwoCompanies.PASSWORD);
        hugo = ClientLogins.signIn(db, TwoCompanies.CLIENT_LOGIN, TwoCompanies.HUGO, TwoCompanies.PASSWORD);
    }

    private Connection client() throws SQLException {
        return ClientLogins.connect(db, TwoCompanies.CLIENT_LOGIN);
    }

    private List<String> channels(Connection c, String token) throws SQLException {
        c.setAutoCommit(false);
        try {
            exec(c, "SELECT recruiter.use_session(?)", token);
            return strings(c, "SELECT recruiter.live_channels()");
        } finally {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** Every row of live_events as kind|job|application|status, the cursor row last. */
    private List<String> events(Connection c, String token, String after) throws SQLException {
        c.setAutoCommit(false);
        try {
            exec(c, "SELECT recruiter.use_session(?)", token);
            return rows(c, "SELECT kind, job_id, application_id, status FROM recruiter.live_events(?, NULL, 500)",
                    after);
        } finally {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private String head(Connection c, String token) throws SQLException {
        c.setAutoCommit(false);
        try {
            exec(c, "SELECT recruiter.use_session(?)", token);
            return string(c, "SELECT event_id FROM recruiter.live_events(NULL, NULL, 10) WHERE kind = 'cursor'");
        } finally {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Test
    void theTablesAndTheInternalFunctionsAreClosed() throws SQLException {
        try (Connection c = client()) {
            assertThat(failure(c, "SELECT count(*) FROM recruiter.change_events").getSQLState()).isEqualTo("42501");
            assertThat(failure(c, "SELECT secret FROM recruiter.live_secret").getSQLState()).isEqualTo("42501");
            assertThat(failure(c, "SELECT recruiter.live_channel('company', 2)").getSQLState()).isEqualTo("42501");
            assertThat(failure(c, "SELECT recruiter.live_cursor_token(1)").getSQLState()).isEqualTo("42501");
            assertThat(failure(c, "SELECT recruiter.prune_change_events()").getSQLState()).isEqualTo("42501");
            // no session: no channel, no events
            assertThat(failure(c, "SELECT recruiter.live_channels()").getSQLState()).isEqualTo("IW401");
            assertThat(failure(c, "SELECT * FROM recruiter.live_events(NULL, NULL, 10)").getSQLState())
                    .isEqualTo("IW401");
        }
    }

    @Test
    void channelsAreUnguessableAndPerCompany() throws SQLException {
        try (Connection c = client()) {
            List<String> alpha = channels(c, anne);
            List<String> beta = channels(c, bruno);
            List<String> manager = channels(c, hugo);
            assertThat(alpha).singleElement().asString().matches("iw_[0-9a-f]{40}");
            assertThat(beta).singleElement().asString().matches("iw_[0-9a-f]{40}").isNotEqualTo(alpha.get(0));
            // Hugo has no company: one channel for the one job he manages, neither company's
            assertThat(manager).singleElement().asString().matches("iw_[0-9a-f]{40}")
                    .isNotIn(alpha.get(0), beta.get(0));
            // not derivable from the id without the secret
            assertThat(alpha.get(0)).isNotEqualTo("iw_" + string(c, "SELECT encode(sha256('company:1'), 'hex')")
                    .substring(0, 40));
        }
    }

    @Test
    void aClientOfBetaListeningOnAlphasChannelHearsOnlyAnEmptyWakeUpAndReadsNothingOfAlpha() throws Exception {
        try (Connection listener = client(); Connection reader = client();
             Connection platform = db.superuser().getConnection()) {
            String alphaChannel = channels(reader, anne).get(0);
            String brunoCursor = head(reader, bruno);
            String anneCursor = head(reader, anne);
            try (Statement s = listener.createStatement()) {
                // any login may LISTEN on any channel: the isolation is that the name is secret and says nothing
                s.execute("LISTEN " + alphaChannel);
            }
            exec(platform, "UPDATE public.job_applications SET status = 'viewed' WHERE id = 101");
            exec(platform, "UPDATE public.job_applications SET rating = 4 WHERE id = 201");
            PGNotification[] heard = listener.unwrap(PGConnection.class).getNotifications(2000);
            assertThat(heard).isNotEmpty();
            assertThat(heard).allSatisfy(n -> assertThat(n.getParameter()).isEmpty());

            assertThat(events(reader, bruno, brunoCursor))
                    .containsExactly("changed|21|201|applied", "cursor|null|null|done");
            assertThat(events(reader, anne, anneCursor))
                    .containsExactly("moved|11|101|viewed", "cursor|null|null|done");
            // Hugo manages job 11: he sees that move, and nothing of job 21
            assertThat(events(reader, hugo, anneCursor))
                    .containsExactly("moved|11|101|viewed", "cursor|null|null|done");
        }
    }

    @Test
    void aForgedOrGuessedCursorIsRefusedAndCursorsRevealNoIds() throws SQLException {
        try (Connection c = client()) {
            String cursor = head(c, bruno);
            assertThat(cursor).matches("[0-9a-f]{32}");
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", bruno);
            for (String forged : List.of("0".repeat(32), "1", "00000000000000010000000000000000")) {
                exec(c, "SAVEPOINT s");
                SQLException refused = failure(c, "SELECT * FROM recruiter.live_events(?, NULL, 10)", forged);
                assertThat(refused.getSQLState()).as(forged).isIn("22023", "IW401");
                exec(c, "ROLLBACK TO SAVEPOINT s");
            }
            c.rollback();
        }
    }

    @Test
    void theHeadIsTheHeadEvenAfterMoreEventsThanARead() throws SQLException {
        try (Connection admin = db.superuser().getConnection(); Connection c = client()) {
            // 1,200 events of Beta's (each update bumps the version), more than the 10 the head read asks for
            exec(admin, "DO $$ BEGIN FOR i IN 1..600 LOOP UPDATE public.job_applications SET rating = 1 + i % 5"
                    + " WHERE job_id = 21; END LOOP; END $$");
            String cursor = head(c, anne);
            // nothing old comes back as new, and the cursor is settled
            assertThat(events(c, anne, cursor)).containsExactly("cursor|null|null|done");
            assertThat(events(c, bruno, cursor)).containsExactly("cursor|null|null|done");
        }
    }
}
