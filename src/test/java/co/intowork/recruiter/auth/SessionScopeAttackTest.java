package co.intowork.recruiter.auth;

import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.runScript;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V58's per-transaction session scope (decision 0032), attacked as a client login with raw SQL: the settings it
 * lives in are writable by anyone, so everything here writes them by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionScopeAttackTest {
    static final String LOGIN = "scope_site_login";
    static final String PASSWORD = "Correct-Horse-7!";
    static final String JOBS_OF_BETA = "SELECT count(*) FROM public.jobs WHERE company_id = 2";
    static final String ALL_JOBS = "SELECT count(*) FROM public.jobs";

    TestDatabase.Db db;

    @BeforeAll
    void setUp() throws SQLException {
        db = MigratedDatabases.migrated("scope");
        try (Connection admin = db.superuser().getConnection()) {
            runScript(admin, "/co/intowork/recruiter/auth/two-companies.sql");
            exec(admin, "SELECT recruiter.create_client_login(?, 50)", LOGIN);
        }
    }

    @Test
    void aScopeTheClientWritesItselfIsIgnored() throws SQLException {
        String anne = signIn("anne@alpha.example");
        String hugo = signIn("hugo@freelance.example");
        try (Connection c = ClientLogins.connect(db, LOGIN)) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            String scope = string(c, "SELECT current_setting('recruiter.session_scope')");
            assertThat(scope).as("Anne's scope: user 1, employer 1, company 1, no hiring-manager jobs")
                    .startsWith("1|1|1|").endsWith("|{}");
            // Anne's genuine hash, with Beta's company; then a hash of the attacker's own making
            exec(c, "SELECT set_config('recruiter.session_scope', ?, true)", scope.replace("1|1|1|", "1|1|2|"));
            assertThat(count(c, JOBS_OF_BETA)).isZero();
            assertThat(count(c, ALL_JOBS)).as("the full lookup answers instead: Alpha's two jobs").isEqualTo(2);
            exec(c, "SELECT set_config('recruiter.session_scope_mac', encode(sha256(convert_to("
                    + "current_setting('recruiter.session_scope'), 'UTF8')), 'hex'), true)");
            assertThat(count(c, JOBS_OF_BETA)).isZero();
            assertThat(string(c, "SELECT recruiter.session_company_id()")).isEqualTo("1");
            c.rollback();

            // Hugo, hiring manager of job 11 only, claims job 21 too
            exec(c, "SELECT recruiter.use_session(?)", hugo);
            String hugos = string(c, "SELECT current_setting('recruiter.session_scope')");
            assertThat(hugos).endsWith("|{11}");
            exec(c, "SELECT set_config('recruiter.session_scope', ?, true)", hugos.replace("{11}", "{11,21}"));
            assertThat(count(c, ALL_JOBS)).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM public.job_applications WHERE job_id = 21")).isZero();
            c.rollback();

            // no use_session at all: a hand-made scope for a token that exists nowhere
            exec(c, "SELECT set_config('recruiter.session', repeat('0', 64), true)");
            exec(c, "SELECT set_config('recruiter.session_scope', '1|1|1|99999999999999999|{}', true)");
            exec(c, "SELECT set_config('recruiter.session_scope_mac', repeat('a', 64), true)");
            assertThat(count(c, ALL_JOBS)).isZero();
            c.rollback();
        }
    }

    @Test
    void aGenuineScopeReplayedInAnotherTransactionOrConnectionIsIgnored() throws SQLException {
        String albert = signIn("albert@alpha.example");
        String scope;
        String mac;
        try (Connection c = ClientLogins.connect(db, LOGIN)) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", albert);
            scope = string(c, "SELECT current_setting('recruiter.session_scope')");
            mac = string(c, "SELECT current_setting('recruiter.session_scope_mac')");
            assertThat(scope).as("Albert's genuine scope, the one replayed below").startsWith("2|2|1|");
            assertThat(mac).hasSize(64);
            c.commit();
            assertThat(string(c, "SELECT recruiter.sign_out(?)", albert)).isEqualTo("t");
            c.commit();
            for (boolean local : List.of(true, false)) {
                exec(c, "SELECT set_config('recruiter.session', ?, ?)", albert, local);
                exec(c, "SELECT set_config('recruiter.session_scope', ?, ?)", scope, local);
                exec(c, "SELECT set_config('recruiter.session_scope_mac', ?, ?)", mac, local);
                assertThat(count(c, ALL_JOBS)).as("replayed in a later transaction, local " + local).isZero();
                c.rollback();
            }
        }
        try (Connection other = ClientLogins.connect(db, LOGIN)) {
            other.setAutoCommit(false);
            exec(other, "SELECT set_config('recruiter.session', ?, true)", albert);
            exec(other, "SELECT set_config('recruiter.session_scope', ?, true)", scope);
            exec(other, "SELECT set_config('recruiter.session_scope_mac', ?, true)", mac);
            assertThat(count(other, ALL_JOBS)).as("replayed on another connection").isZero();
            other.rollback();
        }
    }

    @Test
    void signingOutEndsTheScopeAtOnceAndAFreshTransactionLooksTheSessionUpAgain() throws SQLException {
        String anne = signIn("anne@alpha.example");
        String albert = signIn("albert@alpha.example");
        try (Connection c = ClientLogins.connect(db, LOGIN)) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(count(c, ALL_JOBS)).isEqualTo(2);
            assertThat(string(c, "SELECT recruiter.sign_out(?)", anne)).isEqualTo("t");
            assertThat(count(c, ALL_JOBS)).as("after sign_out, in the same transaction").isZero();
            assertThat(string(c, "SELECT recruiter.session_user_id()")).isNull();
            c.commit();

            // within its transaction the scope stands (decision 0032) ...
            exec(c, "SELECT recruiter.use_session(?)", albert);
            try (Connection admin = db.superuser().getConnection()) {
                exec(admin, "UPDATE recruiter.client_sessions SET revoked_at = now()"
                        + " WHERE token_hash = sha256(convert_to(?, 'UTF8'))", albert);
            }
            assertThat(count(c, ALL_JOBS)).as("revoked by another connection mid-transaction").isEqualTo(2);
            c.rollback();
            // ... and the next one is refused
            assertThat(failure(c, "SELECT recruiter.use_session(?)", albert).getSQLState()).isEqualTo("IW401");
            c.rollback();
            exec(c, "SELECT set_config('recruiter.session', ?, true)", albert);
            assertThat(count(c, ALL_JOBS)).isZero();
            c.rollback();
        }
    }

    @Test
    void theKeyAndTheCheckBelongToTheOwnerAlone() throws SQLException {
        String anne = signIn("anne@alpha.example");
        try (Connection c = ClientLogins.connect(db, LOGIN)) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            for (String sql : List.of("SELECT secret FROM recruiter.session_scope_key",
                    "SELECT recruiter.verified_session_scope()", "SELECT recruiter.look_up_session()",
                    "SELECT recruiter.session_scope_mac('\\x00'::bytea, 'x')",
                    "UPDATE recruiter.session_scope_key SET secret = sha256('x')")) {
                assertThat(failure(c, sql).getSQLState()).as(sql).isEqualTo("42501");
                c.rollback();
                exec(c, "SELECT recruiter.use_session(?)", anne);
            }
            // called directly, it stores the caller's own session and nothing else
            assertThat(string(c, "SELECT recruiter.remember_session_scope()")).isEqualTo("1");
            exec(c, "SELECT set_config('recruiter.session', 'not a token', true)");
            assertThat(string(c, "SELECT recruiter.remember_session_scope()")).isNull();
            assertThat(string(c, "SELECT current_setting('recruiter.session_scope')")).isEmpty();
            assertThat(count(c, ALL_JOBS)).isZero();
            c.rollback();
        }
    }

    String signIn(String email) throws SQLException {
        return ClientLogins.signIn(db, LOGIN, email, PASSWORD);
    }
}
