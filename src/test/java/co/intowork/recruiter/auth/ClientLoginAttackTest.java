package co.intowork.recruiter.auth;

import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.runScript;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of the review behind V31 (issue 15), each run the way an insider with the client's database login
 * would: raw SQL over JDBC as a login role in recruiter_app, never through the app's services. Every test here
 * failed on V30 (the lockout undone by ROLLBACK, the candidate password oracle, the held sign-in, the hiring-manager
 * oracle and leak, the offline-replay version leak, pg_stat_statements, whole-table INSERT grants, no server-side
 * limits, echoed input and RETURNING).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLoginAttackTest {
    static final String LOGIN = "attack_site_login";
    static final String OTHER_LOGIN = "attack_other_login";
    static final String PASSWORD = "Correct-Horse-7!";
    static final String ANNE = "anne@alpha.example";
    static final String BRUNO = "bruno@beta.example";
    static final String CHLOE = "chloe@example.com";

    TestDatabase.Db db;

    @BeforeAll
    void setUp() throws SQLException {
        db = MigratedDatabases.migrated("attack");
        try (Connection admin = db.superuser().getConnection()) {
            runScript(admin, "/co/intowork/recruiter/auth/two-companies.sql");
            exec(admin, "SELECT recruiter.create_client_login(?, 50)", LOGIN);
            exec(admin, "SELECT recruiter.create_client_login(?, 50)", OTHER_LOGIN);
        }
    }

    // 1. The lockout can't be undone -------------------------------------------------------------------------

    @Test
    void aRolledBackAttemptLeavesNoAnswerAndTheAnswerWaitsForTheCommit() throws SQLException {
        String email = "albert@alpha.example";
        try (Connection c = client(LOGIN)) {
            c.setAutoCommit(false);
            String handle = string(c, "SELECT recruiter.sign_in_start(?, ?)", email, "guess-1");
            // in the same transaction the outcome is refused: it would be learnt before the failure is durable
            assertThat(failure(c, "SELECT outcome FROM recruiter.sign_in_finish(?)", handle).getSQLState())
                    .isEqualTo("IW409");
            c.rollback();
            // and after the rollback the attempt does not exist: no answer at all
            assertThat(failure(c, "SELECT outcome FROM recruiter.sign_in_finish(?)", handle).getMessage())
                    .contains("unknown or too old");
            c.rollback();

            // a savepoint rolled back: the same
            exec(c, "SAVEPOINT guess");
            String saved = string(c, "SELECT recruiter.sign_in_start(?, ?)", email, "guess-2");
            assertThat(failure(c, "SELECT outcome FROM recruiter.sign_in_finish(?)", saved).getSQLState())
                    .isEqualTo("IW409");
            c.rollback();
        }
        try (Connection c = client(LOGIN)) {
            // an exception block in a DO statement (a subtransaction that catches its own error): no answer either
            exec(c, "DO $$ DECLARE h text; r record; BEGIN"
                    + " BEGIN h := recruiter.sign_in_start('albert@alpha.example', 'guess-3');"
                    + "   SELECT * INTO r FROM recruiter.sign_in_finish(h);"
                    + "   RAISE NOTICE 'learnt %', r.outcome;"
                    + " EXCEPTION WHEN others THEN IF SQLSTATE <> 'IW409' THEN RAISE; END IF; END; END $$");
        }
        try (Connection admin = db.superuser().getConnection()) {
            assertThat(count(admin, "SELECT count(*) FROM recruiter.sign_in_log WHERE email_key = ?", email))
                    .as("nothing was answered, so nothing needed counting").isZero();
        }
        // the committed way: counted, and only then answered
        try (Connection c = client(LOGIN)) {
            assertThat(attempt(c, email, "guess-4")).isEqualTo("invalid||4");
        }
    }

    @Test
    void theBcryptWorkOfALoginIsBudgetedAndARollbackDoesNotRefundIt() throws SQLException {
        try (Connection admin = db.superuser().getConnection(); Connection c = client(OTHER_LOGIN)) {
            String budget = budgetOf(admin, OTHER_LOGIN);
            long before = charged(admin, budget);
            c.setAutoCommit(false);
            string(c, "SELECT recruiter.sign_in_start(?, ?)", "nobody@nowhere.example", "x");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(charged(admin, budget)).as("charged, and kept after ROLLBACK").isGreaterThan(before);

            // a login that spent its budget waits; no bcrypt is run for it, and its attempts say until when
            exec(admin, "SELECT setval('" + budget + "', (extract(epoch FROM now()) * 1000)::bigint + 120000)");
            assertThat(attempt(c, ANNE, PASSWORD)).isEqualTo("throttled|t|");
            exec(admin, "SELECT setval('" + budget + "', 1)");
            assertThat(attempt(c, ANNE, PASSWORD)).isEqualTo("ok|t|");
        }
    }

    @Test
    void aLoginThatFailsTooOftenIsThrottledWhateverTheAddresses() throws SQLException {
        String login = "attack_spray_login";
        try (Connection admin = db.superuser().getConnection()) {
            exec(admin, "SELECT recruiter.create_client_login(?, 5)", login);
            // 50 failures of this login in the last minutes, spread over 50 addresses (password spraying)
            exec(admin, "INSERT INTO recruiter.sign_in_log (attempt_hash, email_key, database_login, outcome)"
                    + " SELECT sha256(convert_to(g::text || ?, 'UTF8')), 'spray' || g || '@example.com', ?, 'invalid'"
                    + " FROM generate_series(1, 50) g", login, login);
        }
        try (Connection c = client(login)) {
            assertThat(attempt(c, ANNE, PASSWORD)).isEqualTo("throttled|t|");
        }
        try (Connection c = client(OTHER_LOGIN)) {
            assertThat(attempt(c, ANNE, PASSWORD)).as("other logins are not affected").isEqualTo("ok|t|");
        }
    }

    // 2. No oracle ---------------------------------------------------------------------------------------------

    @Test
    void anAccountThatMayNotUseTheClientAnswersAsAWrongPasswordAfterTheSameBcrypt() throws SQLException {
        try (Connection admin = db.superuser().getConnection(); Connection c = client(LOGIN)) {
            String budget = budgetOf(admin, LOGIN);
            for (String account : List.of(CHLOE, "ivan@alpha.example")) {
                long before = charged(admin, budget);
                String right = attempt(c, account, PASSWORD);
                long middle = charged(admin, budget);
                String wrong = attempt(c, account, "not-the-password");
                long after = charged(admin, budget);
                assertThat(right).as(account + ", right password").isEqualTo("invalid||4");
                assertThat(wrong).as(account + ", wrong password").isEqualTo("invalid||3");
                // each ran one bcrypt (the budget is charged only where bcrypt runs)
                assertThat(middle).isGreaterThan(before);
                assertThat(after).isGreaterThan(middle);
            }
        }
    }

    @Test
    void attemptsLeftCountsOnlyTheCallersOwnFailures() throws SQLException {
        String email = "bruno@beta.example";
        try (Connection other = client(OTHER_LOGIN)) {
            assertThat(attempt(other, email, "x1")).isEqualTo("invalid||4");
            assertThat(attempt(other, email, "x2")).isEqualTo("invalid||3");
        }
        try (Connection c = client(LOGIN)) {
            assertThat(attempt(c, email, "x3")).as("two failures by another login are not told")
                    .isEqualTo("invalid||4");
            assertThat(attempt(c, email, PASSWORD)).isEqualTo("ok|t|");
        }
    }

    // 3. No sign-in held -----------------------------------------------------------------------------------

    @Test
    void anOpenTransactionOnAnAddressDoesNotHoldThatPersonsSignIn() throws Exception {
        try (Connection holder = client(OTHER_LOGIN); Connection victim = client(LOGIN)) {
            holder.setAutoCommit(false);
            string(holder, "SELECT recruiter.sign_in_start(?, ?)", ANNE, "held-open");
            // the victim signs in while the attacker's transaction stays open; it must not wait on it
            exec(victim, "SET statement_timeout = '3s'");
            CompletableFuture<String> signIn = CompletableFuture.supplyAsync(() -> {
                try {
                    return attempt(victim, ANNE, PASSWORD);
                } catch (SQLException e) {
                    return e.getSQLState() + " " + e.getMessage();
                }
            });
            assertThat(signIn.get(10, TimeUnit.SECONDS)).isEqualTo("ok|t|");
            holder.rollback();
        }
    }

    // 4. Hiring managers without oracle or leak --------------------------------------------------------------

    @Test
    void anInvitationAnswersTheSameForEveryAddressAndShowsNothingUntilAccepted() throws SQLException {
        String anne = signIn(LOGIN, ANNE);
        try (Connection c = client(LOGIN)) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            // unknown, candidate, colleague, another company's recruiter: one answer, no user id
            for (String invitee : List.of("nobody@nowhere.example", CHLOE, "albert@alpha.example", BRUNO)) {
                assertThat(string(c, "SELECT recruiter.invite_hiring_manager(12, ?)::text", invitee))
                        .as(invitee).isEqualTo("true");
            }
            // and nothing of Bruno (another company) becomes visible, not even inside this transaction
            assertThat(count(c, "SELECT count(*) FROM public.employers WHERE user_id = 3")).isZero();
            assertThat(count(c, "SELECT count(*) FROM public.users WHERE id = 3")).isZero();
            assertThat(count(c, "SELECT count(*) FROM recruiter.job_hiring_managers WHERE job_id = 12")).isZero();
            c.commit();
        }
        // Bruno accepts by signing in: job 12 is his to see, and Anne now sees him as its hiring manager
        String bruno = signIn(LOGIN, BRUNO);
        try (Connection c = client(LOGIN)) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", bruno);
            assertThat(strings(c, "SELECT id::text FROM public.jobs ORDER BY 1")).containsExactly("12", "21");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(count(c, "SELECT count(*) FROM public.employers WHERE user_id = 3")).isEqualTo(1);
            // the other three invitations wait for their invitees, and the company can cancel them
            assertThat(update(c, "DELETE FROM recruiter.hiring_manager_invitations WHERE job_id = 12")).isEqualTo(3);
            c.rollback();
        } finally {
            try (Connection admin = db.superuser().getConnection()) {
                exec(admin, "DELETE FROM recruiter.job_hiring_managers WHERE job_id = 12");
                exec(admin, "DELETE FROM recruiter.hiring_manager_invitations");
            }
        }
    }

    // 5. Offline replay ----------------------------------------------------------------------------------------

    @Test
    void anOperationCanBeRecordedOnlyForAnApplicationTheSessionCanSee() throws SQLException {
        String anne = signIn(LOGIN, ANNE);
        try (Connection c = client(LOGIN)) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            // 201 is Beta's: refused, so its version is never copied into a row Anne can read
            assertThat(failure(c, "INSERT INTO recruiter.applied_operations (operation_id, application_id, kind)"
                    + " VALUES (gen_random_uuid(), 201, 'move')").getSQLState()).isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            // enumerating ids: none of another company's gets in
            assertThat(failure(c, "INSERT INTO recruiter.applied_operations (operation_id, application_id, kind)"
                    + " SELECT gen_random_uuid(), g, 'move' FROM generate_series(1, 300) g").getSQLState())
                    .isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            // a forged user id or result version: the columns are not the client's
            assertThat(failure(c, "INSERT INTO recruiter.applied_operations (operation_id, user_id, application_id,"
                    + " kind) VALUES (gen_random_uuid(), 1, 101, 'move')").getSQLState()).isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            exec(c, "INSERT INTO recruiter.applied_operations (operation_id, application_id, kind)"
                    + " VALUES ('00000000-0000-0000-0000-000000000101', 101, 'move')");
            c.commit();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(string(c, "SELECT result_version IS NOT NULL FROM recruiter.applied_operations"
                    + " WHERE operation_id = '00000000-0000-0000-0000-000000000101'")).isEqualTo("t");
            c.rollback();
        }
    }

    // 6. Monitoring and the functions a client login may execute -------------------------------------------

    @Test
    void aClientLoginExecutesExactlyTheFunctionsOfTheAllowlist() throws SQLException, IOException {
        List<String> allowed;
        try (InputStream in = getClass().getResourceAsStream("client-executable-functions.txt")) {
            allowed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        }
        try (Connection admin = db.superuser().getConnection()) {
            // directly or through PUBLIC; PostgreSQL's own catalog functions aside, every schema counts, and so
            // does every extension's function wherever it lives
            List<String> executable = strings(admin, "SELECT p.oid::regprocedure::text FROM pg_proc p"
                    + " JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE (n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + "        OR EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
                    + "                    AND d.objid = p.oid AND d.deptype = 'e'))"
                    + " AND has_function_privilege(?, p.oid, 'EXECUTE') ORDER BY 1", LOGIN);
            assertThat(executable).as("functions a client login may execute (update the allowlist only on purpose)")
                    .containsExactlyInAnyOrderElementsOf(allowed);
        }
    }

    @Test
    void pgStatStatementsIsNeitherReadableNorExecutableByTheClientEvenWhenInstalledLater() throws SQLException {
        try (Connection admin = db.superuser().getConnection()) {
            exec(admin, "DROP EXTENSION IF EXISTS pg_stat_statements");
            exec(admin, "CREATE EXTENSION pg_stat_statements SCHEMA recruiter");
            assertThat(count(admin, "SELECT count(*) FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid"
                    + " WHERE e.extname = 'pg_stat_statements' AND d.deptype = 'e' AND d.classid = 'pg_proc'::regclass"
                    + " AND has_function_privilege(?, d.objid, 'EXECUTE')", LOGIN)).as("before migrate").isPositive();
            // what `migrate` runs after every run (the afterMigrate callback)
            exec(admin, "CALL recruiter.revoke_monitoring_from_clients()");
            for (String role : List.of(LOGIN, "recruiter_app")) {
                assertThat(count(admin, "SELECT count(*) FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid"
                        + " WHERE e.extname = 'pg_stat_statements' AND d.deptype = 'e' AND CASE d.classid"
                        + "   WHEN 'pg_proc'::regclass THEN has_function_privilege(?, d.objid, 'EXECUTE')"
                        + "   WHEN 'pg_class'::regclass THEN has_table_privilege(?, d.objid, 'SELECT')"
                        + "   ELSE false END", role, role)).as(role).isZero();
            }
        }
        try (Connection c = client(LOGIN)) {
            assertThat(failure(c, "SELECT count(*) FROM recruiter.pg_stat_statements(true)").getSQLState())
                    .isEqualTo("42501");
        }
    }

    // 7. Column-level INSERT grants -----------------------------------------------------------------------------

    @Test
    void theClientInsertsOnlyTheColumnsARecruitersActionWrites() throws SQLException {
        String anne = signIn(LOGIN, ANNE);
        String job = "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type, location_type,"
                + " status%s) VALUES (1, 1, 't', 'd', 'full_time', 'on_site', 'draft'%s)";
        try (Connection c = client(LOGIN)) {
            c.setAutoCommit(false);
            for (String[] planted : List.of(new String[]{"id", "2000000000"}, new String[]{"views_count", "99"},
                    new String[]{"applications_count", "99"}, new String[]{"created_at", "'2000-01-01'"},
                    new String[]{"version", "7"}, new String[]{"targetym_job_posting_id", "1"})) {
                exec(c, "SELECT recruiter.use_session(?)", anne);
                assertThat(failure(c, String.format(job, ", " + planted[0], ", " + planted[1])).getSQLState())
                        .as(planted[0]).isEqualTo("42501");
                c.rollback();
            }
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(string(c, String.format(job, "", "") + " RETURNING views_count || '|' || applications_count"
                    + " || '|' || (created_at IS NOT NULL)")).isEqualTo("0|0|true");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
        }
    }

    // 8. Server-side limits -------------------------------------------------------------------------------------

    @Test
    void aClientLoginCarriesItsLimitsAndDriftIsReportedAndRestored() throws SQLException {
        String login = "attack_limits_login";
        try (Connection admin = db.superuser().getConnection()) {
            exec(admin, "SELECT recruiter.create_client_login(?, 12, '45s', '7s', '30s')", login);
            assertThat(string(admin, "SELECT rolconnlimit || ' ' || array_to_string(rolconfig, ',') FROM pg_roles"
                    + " WHERE rolname = ?", login))
                    .isEqualTo("12 statement_timeout=45s,lock_timeout=7s,idle_in_transaction_session_timeout=30s");
            assertThat(count(admin, "SELECT count(*) FROM recruiter.client_login_drift() WHERE login_name = ?",
                    login)).isZero();
        }
        try (Connection c = client(login)) {
            assertThat(string(c, "SHOW statement_timeout")).isEqualTo("45s");
            // PostgreSQL lets every role change its own defaults: the insider does
            exec(c, "ALTER ROLE " + login + " SET statement_timeout = 0");
            exec(c, "ALTER ROLE " + login + " SET default_transaction_read_only = on");
        }
        try (Connection admin = db.superuser().getConnection()) {
            assertThat(strings(admin, "SELECT setting || '=' || coalesce(actual, '-') FROM"
                    + " recruiter.client_login_drift() WHERE login_name = ? ORDER BY 1", login))
                    .containsExactly("other role settings=default_transaction_read_only=on", "statement_timeout=0");
            assertThat(string(admin, "SELECT recruiter.apply_client_login_settings(?)", login)).isEqualTo("t");
            assertThat(count(admin, "SELECT count(*) FROM recruiter.client_login_drift() WHERE login_name = ?",
                    login)).isZero();
        }
    }

    @Test
    void sequencesNearTheirEndAreReported() throws SQLException {
        try (Connection admin = db.superuser().getConnection()) {
            exec(admin, "CREATE SEQUENCE public.attack_test_seq AS integer");
            exec(admin, "SELECT setval('public.attack_test_seq', 2000000000)");
            assertThat(string(admin, "SELECT used_percent FROM recruiter.sequence_headroom()"
                    + " WHERE sequence_name = 'public.attack_test_seq'")).isEqualTo("93.13");
            exec(admin, "DROP SEQUENCE public.attack_test_seq");
        }
    }

    // 9. Lengths, errors and RETURNING -------------------------------------------------------------------------

    @Test
    void overLongInputIsRefusedWithAShortMessageThatDoesNotEchoIt() throws SQLException {
        String huge = "x".repeat(10_000_000);
        String anne = signIn(LOGIN, ANNE);
        try (Connection c = client(LOGIN)) {
            SQLException email = failure(c, "SELECT recruiter.sign_in_start(?, 'x')", huge);
            assertThat(email.getMessage()).hasSizeLessThan(400).contains("at most 320 characters");
            SQLException password = failure(c, "SELECT recruiter.sign_in_start('a@b.c', ?)", huge);
            assertThat(password.getMessage()).hasSizeLessThan(400);
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            SQLException invite = failure(c, "SELECT recruiter.invite_hiring_manager(11, ?)", huge);
            assertThat(invite.getMessage()).hasSizeLessThan(400).contains("at most 320");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            SQLException notes = failure(c, "UPDATE public.job_applications SET notes = ? WHERE id = 101",
                    "n".repeat(100_001));
            assertThat(notes.getSQLState()).isEqualTo("42501");
            assertThat(notes.getMessage()).hasSizeLessThan(400);
            c.rollback();
            assertThat(failure(c, "SELECT recruiter.use_session(?)", huge).getSQLState()).isEqualTo("IW401");
            c.rollback();
        }
    }

    /**
     * Undo before notify (V38, decision 0018) attacked as a client login: the pending notifications cannot be read,
     * written, locked or skipped; delivery sends only what is due; the window is bounded whatever the client sets.
     */
    @Test
    void pendingNotificationsCanBeNeitherReadNorSuppressedNorSentEarlyByAClient() throws SQLException {
        String anne = signIn(LOGIN, ANNE);
        String bruno = signIn(LOGIN, "bruno@beta.example");
        try (Connection c = client(LOGIN)) {
            c.setAutoCommit(false);
            // Bruno (Beta) moves Claude's application: pending for 10 s
            exec(c, "SELECT recruiter.use_session(?)", bruno);
            assertThat(update(c, "UPDATE public.job_applications SET status = 'rejected' WHERE id = 201")).isEqualTo(1);
            c.commit();

            exec(c, "SELECT recruiter.use_session(?)", anne);
            // the previous version's call writes nothing (the trigger scheduled every move already)
            assertThat(strings(c, "SELECT application_id::text FROM"
                    + " recruiter.notify_status_change(ARRAY[101, 201], 'Mise à jour')")).isEmpty();
            c.commit();
            for (String sql : List.of("SELECT * FROM recruiter.pending_status_notifications",
                    "SELECT application_id FROM recruiter.pending_status_notifications FOR UPDATE SKIP LOCKED",
                    "UPDATE recruiter.pending_status_notifications SET due_at = now() - interval '1 hour'",
                    "UPDATE recruiter.pending_status_notifications SET to_status = from_status",
                    "DELETE FROM recruiter.pending_status_notifications",
                    "INSERT INTO recruiter.pending_status_notifications VALUES (201, 'applied', 'applied', 1, now(), now())",
                    "TRUNCATE recruiter.pending_status_notifications",
                    "SELECT recruiter.status_wording('applied')",
                    "SELECT recruiter.record_application_status_event()",
                    "SELECT recruiter.notify_hiring_managers()")) {
                exec(c, "SELECT recruiter.use_session(?)", anne);
                assertThat(failure(c, sql).getSQLState()).as(sql).isEqualTo("42501");
                c.rollback();
            }
            // delivery by anyone sends only what is due: Bruno's message is not sent early by Anne
            exec(c, "SELECT recruiter.use_session(?)", anne);
            exec(c, "SELECT recruiter.deliver_due_status_notifications()");
            c.commit();
            // a move rolled back leaves nothing pending; a window the client cannot express falls back to 10 s
            exec(c, "SELECT recruiter.use_session(?)", anne);
            update(c, "UPDATE public.job_applications SET status = 'viewed' WHERE id = 101");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            exec(c, "SELECT set_config('recruiter.undo_window_seconds', '-86400', true)");
            update(c, "UPDATE public.job_applications SET status = 'viewed' WHERE id = 101");
            c.commit();
            // nor can she hold Bruno's row: she may not lock it, and her own rows' locks end with her transaction
        }
        try (Connection admin = db.superuser().getConnection()) {
            assertThat(count(admin, "SELECT count(*) FROM public.notifications WHERE related_application_id = 201"))
                    .isZero();
            assertThat(strings(admin, "SELECT application_id || '|' || to_status || '|'"
                    + " || (due_at - first_at BETWEEN interval '9 seconds' AND interval '11 seconds')"
                    + " FROM recruiter.pending_status_notifications ORDER BY 1"))
                    .containsExactly("101|viewed|true", "201|rejected|true");
            // the owner's view of the grants: nothing on the table for the client
            assertThat(string(admin, "SELECT has_table_privilege('recruiter_app', 'recruiter.pending_status_notifications',"
                    + " 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')"
                    + " OR has_any_column_privilege('recruiter_app', 'recruiter.pending_status_notifications',"
                    + " 'SELECT, INSERT, UPDATE, REFERENCES')")).isEqualTo("f");
        }
    }

    Connection client(String login) throws SQLException {
        return ClientLogins.connect(db, login);
    }

    String signIn(String login, String email) throws SQLException {
        return ClientLogins.signIn(db, login, email, PASSWORD);
    }

    static String attempt(Connection c, String email, String password) throws SQLException {
        return ClientLogins.attempt(c, email, password);
    }

    /** The sequence holding the bcrypt budget of a login's bucket (V31). */
    static String budgetOf(Connection admin, String login) throws SQLException {
        return string(admin, "SELECT format('recruiter.sign_in_budget_%s', lpad((hashtext(?) & 63)::text, 2, '0'))",
                login);
    }

    static long charged(Connection admin, String budget) throws SQLException {
        return Long.parseLong(string(admin, "SELECT last_value FROM " + budget));
    }
}
