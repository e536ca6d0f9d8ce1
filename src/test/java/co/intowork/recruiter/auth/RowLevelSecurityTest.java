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
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company isolation as PostgreSQL enforces it, checked the way an attacker with the client's database login would
 * probe it: raw JDBC as a login role in recruiter_app, not through the app's services.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {
    static final String LOGIN = "rls_test_client";
    static final String PASSWORD = "Correct-Horse-7!";
    static final String ANNE = "anne@alpha.example";
    static final String HUGO = "hugo@freelance.example";
    static final String BRUNO = "bruno@beta.example";

    /** Every table the client is granted, with how many rows each company's recruiter may see. */
    static final List<String> CLIENT_TABLES = List.of("public.jobs", "public.job_applications", "public.candidates",
            "public.experiences", "public.educations", "public.skills", "public.candidate_cvs", "public.users",
            "public.employers", "public.companies", "public.notifications", "public.interview_schedules",
            "public.email_templates", "recruiter.application_status_events", "recruiter.candidate_search",
            "recruiter.job_hiring_managers", "recruiter.job_application_counts",
            "recruiter.interview_calendar", "recruiter.interview_bookings",
            "recruiter.stats_application_facts", "recruiter.stats_company_day", "recruiter.stats_company_durations",
            "recruiter.stats_company_sources");

    TestDatabase.Db db;
    String anne;
    String hugo;

    @BeforeAll
    void setUp() throws SQLException {
        db = MigratedDatabases.migrated("rls");
        try (Connection admin = db.superuser().getConnection()) {
            runScript(admin, "/co/intowork/recruiter/auth/two-companies.sql");
            exec(admin, "SELECT recruiter.create_client_login(?)", LOGIN);
        }
        anne = signIn(ANNE, PASSWORD);
        hugo = signIn(HUGO, PASSWORD);
    }

    @Test
    void aConnectionThatHasNotSignedInSeesNothing() throws SQLException {
        try (Connection c = client()) {
            for (String table : CLIENT_TABLES) {
                assertThat(count(c, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
            assertThat(update(c, "UPDATE public.job_applications SET rating = 1")).isZero();
            assertThat(string(c, "SELECT recruiter.session_user_id()")).isNull();
        }
    }

    @Test
    void aForgedExpiredOrRevokedSessionSeesNothingAndIsRefusedByUseSession() throws SQLException {
        String expiring = signIn("albert@alpha.example", PASSWORD);
        String revoked = signIn("albert@alpha.example", PASSWORD);
        try (Connection admin = db.superuser().getConnection()) {
            exec(admin, "UPDATE recruiter.client_sessions SET expires_at = now() - interval '1 second'"
                    + " WHERE token_hash = sha256(convert_to(?, 'UTF8'))", expiring);
        }
        try (Connection c = client()) {
            assertThat(string(c, "SELECT recruiter.sign_out(?)", revoked)).isEqualTo("t");
            assertThat(string(c, "SELECT recruiter.sign_out(?)", revoked)).as("second sign-out").isEqualTo("f");
            String forged = "0".repeat(64);
            for (String token : List.of(forged, expiring, revoked, anne.substring(0, 63) + "x")) {
                c.setAutoCommit(false);
                SQLException refused = failure(c, "SELECT recruiter.use_session(?)", token);
                assertThat(refused.getSQLState()).isEqualTo("IW401");
                c.rollback();
                exec(c, "SELECT set_config('recruiter.session', ?, true)", token);
                for (String table : CLIENT_TABLES) {
                    assertThat(count(c, "SELECT count(*) FROM " + table)).as(table + " with " + token).isZero();
                }
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void aRecruiterSeesOnlyTheirCompany() throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(false);
            assertThat(string(c, "SELECT recruiter.use_session(?)", anne)).isEqualTo("1");
            assertThat(string(c, "SELECT recruiter.session_role() || recruiter.session_company_id()"
                    + " || recruiter.session_employer_id()")).isEqualTo("recruiter11");
            assertThat(ids(c, "SELECT id FROM public.jobs")).containsExactly(11, 12);
            assertThat(ids(c, "SELECT id FROM public.job_applications")).containsExactly(101, 121);
            assertThat(ids(c, "SELECT id FROM public.candidates")).containsExactly(1, 3);
            assertThat(ids(c, "SELECT candidate_id FROM public.experiences")).containsExactly(1, 3);
            assertThat(ids(c, "SELECT candidate_id FROM public.educations")).containsExactly(1);
            assertThat(ids(c, "SELECT candidate_id FROM public.skills")).containsExactly(1, 3);
            assertThat(ids(c, "SELECT candidate_id FROM public.candidate_cvs")).containsExactly(1);
            assertThat(ids(c, "SELECT candidate_id FROM recruiter.candidate_search")).containsExactly(1, 3);
            // herself, her colleagues (Ivan is inactive but still a colleague), the hiring manager of job 11,
            // and the candidates of her company's jobs; never Bruno or Claude
            assertThat(ids(c, "SELECT id FROM public.users")).containsExactly(1, 2, 4, 5, 6, 8);
            assertThat(ids(c, "SELECT id FROM public.employers")).containsExactly(1, 2, 4, 5);
            assertThat(ids(c, "SELECT id FROM public.companies")).containsExactly(1);
            assertThat(strings(c, "SELECT message FROM public.notifications")).containsExactly("for Anne");
            assertThat(strings(c, "SELECT title FROM public.interview_schedules")).containsExactly("Alpha interview");
            assertThat(strings(c, "SELECT name FROM public.email_templates")).containsExactly("Alpha welcome");
            assertThat(ids(c, "SELECT application_id FROM recruiter.application_status_events"))
                    .containsExactly(101, 121);
            assertThat(ids(c, "SELECT job_id FROM recruiter.job_hiring_managers")).containsExactly(11);
            assertThat(ids(c, "SELECT job_id FROM recruiter.job_application_counts")).containsExactly(11, 12);
            // asking for the other company by id explicitly changes nothing
            assertThat(count(c, "SELECT count(*) FROM public.jobs WHERE company_id = 2")).isZero();
            assertThat(count(c, "SELECT count(*) FROM public.job_applications WHERE job_id = 21")).isZero();
            c.rollback();
        }
    }

    @Test
    void candidatesAppearAndDisappearWithTheirApplicationsWhoeverWritesThem() throws SQLException {
        try (Connection admin = db.superuser().getConnection()) {
            // the platform: Claude (candidate 2, so far only at Beta) applies to Alpha's job 11
            exec(admin, "INSERT INTO public.job_applications (id, job_id, candidate_id, status) VALUES (150, 11, 2, 'applied')");
        }
        assertThat(visibleCandidates(anne)).containsExactly(1, 2, 3);
        try (Connection admin = db.superuser().getConnection()) {
            // the hiring manager of job 11 was told of it (V38); the platform's delete still works
            assertThat(count(admin, "SELECT count(*) FROM public.notifications WHERE related_application_id = 150"))
                    .isEqualTo(1);
            exec(admin, "DELETE FROM public.job_applications WHERE id = 150");
            assertThat(count(admin, "SELECT count(*) FROM public.notifications WHERE user_id = 4 AND related_job_id = 11"
                    + " AND related_application_id IS NULL")).isEqualTo(1);
        }
        assertThat(visibleCandidates(anne)).containsExactly(1, 3);
        try (Connection admin = db.superuser().getConnection()) {
            // job 12 (Camille's Alpha application) moves to Beta: Camille stays visible to Beta only
            exec(admin, "UPDATE public.jobs SET company_id = 2 WHERE id = 12");
            try {
                assertThat(visibleCandidates(anne)).containsExactly(1);
            } finally {
                exec(admin, "UPDATE public.jobs SET company_id = 1 WHERE id = 12");
            }
            assertThat(visibleCandidates(anne)).containsExactly(1, 3);
            // and a rebuild from scratch finds exactly what the triggers kept
            assertThat(string(admin, "SELECT recruiter.rebuild_company_candidates()")).isEqualTo("0");
        }
    }

    List<Integer> visibleCandidates(String token) throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", token);
            List<Integer> ids = ids(c, "SELECT id FROM public.candidates");
            c.rollback();
            return ids;
        }
    }

    @Test
    void theClientCanNeverReadPasswordsTokensOrSignInRecords() throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            for (String sql : List.of("SELECT password_hash FROM public.users", "SELECT * FROM public.users",
                    "SELECT * FROM recruiter.client_sessions", "SELECT * FROM recruiter.sign_in_log",
                    "SELECT * FROM public.sessions", "SELECT * FROM public.accounts",
                    "SELECT * FROM public.password_reset_tokens", "SELECT * FROM public.integration_credentials",
                    "SELECT * FROM recruiter.active_jobs_summary")) {
                assertThat(failure(c, sql).getSQLState()).as(sql).isEqualTo("42501");
                c.rollback();
                exec(c, "SELECT recruiter.use_session(?)", anne);
            }
            assertThat(strings(c, "SELECT email FROM public.users WHERE id = 1")).containsExactly(ANNE);
            c.rollback();
        }
    }

    @Test
    void writesToAnotherCompanyChangeNothingOrFail() throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(update(c, "UPDATE public.jobs SET title = 'stolen' WHERE id = 21")).isZero();
            assertThat(update(c, "UPDATE public.job_applications SET status = 'rejected' WHERE id = 201")).isZero();
            assertThat(update(c, "UPDATE public.notifications SET is_read = true WHERE user_id = 3")).isZero();
            assertThat(update(c, "UPDATE public.email_templates SET body = 'x' WHERE company_id = 2")).isZero();
            assertThat(update(c, "DELETE FROM recruiter.job_hiring_managers WHERE job_id = 21")).isZero();
            assertThat(failure(c, "DELETE FROM public.jobs WHERE id = 21").getSQLState()).isEqualTo("42501");
            c.rollback();

            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(failure(c, "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type,"
                    + " location_type, status) VALUES (1, 2, 'x', 'x', 'full_time', 'on_site', 'draft')")
                    .getSQLState()).isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            // moving one of her own jobs to the other company is refused by WITH CHECK
            assertThat(failure(c, "UPDATE public.jobs SET company_id = 2 WHERE id = 11").getSQLState())
                    .isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            // a status-change notification for another company's candidate
            assertThat(failure(c, "INSERT INTO public.notifications (user_id, type, title, message,"
                    + " related_job_id, related_application_id) VALUES (7, 'STATUS_CHANGE', 't', 'm', 21, 201)")
                    .getSQLState()).isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(failure(c, "INSERT INTO public.email_templates (company_id, created_by_user_id, name, type,"
                    + " subject, body) VALUES (2, 1, 'x', 'CUSTOM', 's', 'b')").getSQLState()).isEqualTo("42501");
            c.rollback();
        }
        try (Connection admin = db.superuser().getConnection()) {
            assertThat(string(admin, "SELECT title || '|' || company_id FROM public.jobs WHERE id = 21"))
                    .isEqualTo("Beta engineer|2");
            assertThat(string(admin, "SELECT status FROM public.job_applications WHERE id = 201")).isEqualTo("applied");
            assertThat(count(admin, "SELECT count(*) FROM recruiter.job_hiring_managers")).isEqualTo(1);
        }
    }

    /**
     * The statistics rollups (V32) as the client: a recruiter reads its own company's rows and its jobs' facts, a
     * hiring manager only its job's facts; asking for the other company by id finds nothing; the client cannot
     * write them, cannot call what keeps them, and cannot switch their upkeep off for its own writes.
     */
    @Test
    void statisticsRollupsFollowTheJobsTheSessionMaySee() throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(ids(c, "SELECT DISTINCT job_id FROM recruiter.stats_application_facts"))
                    .containsExactly(11, 12);
            assertThat(ids(c, "SELECT DISTINCT company_id FROM recruiter.stats_company_day")).containsExactly(1);
            assertThat(ids(c, "SELECT DISTINCT company_id FROM recruiter.stats_company_sources")).containsExactly(1);
            assertThat(count(c, "SELECT count(*) FROM recruiter.stats_company_day WHERE company_id = 2")).isZero();
            assertThat(count(c, "SELECT count(*) FROM recruiter.stats_application_facts WHERE job_id = 21"))
                    .isZero();
            assertThat(failure(c, "UPDATE recruiter.stats_company_day SET applications = 0").getSQLState())
                    .isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(failure(c, "INSERT INTO recruiter.stats_application_facts SELECT * FROM"
                    + " recruiter.stats_application_facts").getSQLState()).isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(failure(c, "SELECT recruiter.stats_refresh(ARRAY[201])").getSQLState()).isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(failure(c, "SELECT recruiter.stats_recount()").getSQLState()).isEqualTo("42501");
            c.rollback();

            // the bulk-load switch is honoured for the tables' owner only: Anne's move is still counted
            exec(c, "SELECT recruiter.use_session(?)", anne);
            exec(c, "SELECT set_config('recruiter.stats_deferred', 'on', true)");
            assertThat(update(c, "UPDATE public.job_applications SET status = 'shortlisted' WHERE id = 101"))
                    .isEqualTo(1);
            assertThat(string(c, "SELECT status FROM recruiter.stats_application_facts WHERE application_id = 101"))
                    .isEqualTo("shortlisted");
            c.rollback();

            // V40's switch for the search documents and per-job counts likewise: her move is still counted
            exec(c, "SELECT recruiter.use_session(?)", anne);
            long shortlisted = count(c, "SELECT shortlisted FROM recruiter.job_application_counts WHERE job_id = 11");
            exec(c, "SELECT set_config('recruiter.bulk_load', 'on', true)");
            assertThat(update(c, "UPDATE public.job_applications SET status = 'shortlisted' WHERE id = 101"))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT shortlisted FROM recruiter.job_application_counts WHERE job_id = 11"))
                    .isEqualTo(shortlisted + 1);
            assertThat(failure(c, "SELECT recruiter.rebuild_candidate_search()").getSQLState()).isEqualTo("42501");
            c.rollback();

            // V61's per-lexeme rows of every candidate's document (and V62's helper), V63's copy of the managed
            // jobs' applicants' documents: read only inside the search function; their upkeep is the triggers'
            exec(c, "SELECT recruiter.use_session(?)", anne);
            for (String probe : List.of("SELECT count(*) FROM recruiter.candidate_search_terms",
                    "SELECT count(*) FROM recruiter.managed_job_candidates",
                    "SELECT job_id FROM recruiter.managed_job_candidates WHERE document @@ 'a'::tsquery",
                    "DELETE FROM recruiter.managed_job_candidates",
                    "INSERT INTO recruiter.managed_job_candidates VALUES (21, 3, 'a')",
                    "SELECT recruiter.rebuild_managed_job_candidates()",
                    "SELECT recruiter.sync_managed_job(21)",
                    "SELECT recruiter.sync_managed_job_candidate(21, 3)",
                    "SELECT recruiter.rebuild_candidate_search_terms()",
                    "SELECT * FROM recruiter.candidate_search_term_rows('a:1'::tsvector)",
                    "SELECT recruiter.lexeme_query('a')",
                    "SELECT recruiter.query_lexeme('a'::tsquery, false)",
                    "DELETE FROM recruiter.candidate_search_terms")) {
                assertThat(failure(c, probe).getSQLState()).as(probe).isEqualTo("42501");
                c.rollback();
                exec(c, "SELECT recruiter.use_session(?)", anne);
            }
            c.rollback();

            exec(c, "SELECT recruiter.use_session(?)", hugo);
            assertThat(ids(c, "SELECT DISTINCT job_id FROM recruiter.stats_application_facts")).containsExactly(11);
            assertThat(count(c, "SELECT count(*) FROM recruiter.stats_company_day")).isZero();
            assertThat(count(c, "SELECT count(*) FROM recruiter.stats_company_durations")).isZero();
            c.rollback();
        }
    }

    @Test
    void aRecruiterWorksOnTheirOwnCompanyAndTheMoveIsAttributedToThem() throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(update(c, "UPDATE public.job_applications SET status = 'viewed', rating = 4 WHERE id = 101"))
                    .isEqualTo(1);
            // the candidate's notification waits the undo window, scheduled by the status trigger (V38); the
            // previous version's call writes nothing
            assertThat(strings(c, "SELECT application_id::text FROM recruiter.notify_status_change("
                    + "ARRAY[101, 201], 't')")).isEmpty();
            assertThat(update(c, "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type,"
                    + " location_type, status) VALUES (1, 1, 'New', 'd', 'full_time', 'on_site', 'draft')"))
                    .isEqualTo(1);
            assertThat(update(c, "UPDATE public.jobs SET status = 'published', posted_at = now() WHERE id = 12"))
                    .isEqualTo(1);
            assertThat(string(c, "SELECT changed_by || '|' || source FROM recruiter.application_status_events"
                    + " WHERE application_id = 101 ORDER BY id DESC LIMIT 1")).isEqualTo("1|client");
            // a claimed actor does not override the session
            exec(c, "SELECT set_config('recruiter.actor_user_id', '3', true)");
            update(c, "UPDATE public.job_applications SET status = 'shortlisted' WHERE id = 101");
            assertThat(string(c, "SELECT changed_by FROM recruiter.application_status_events"
                    + " WHERE application_id = 101 ORDER BY id DESC LIMIT 1")).isEqualTo("1");
            c.rollback();
        }
    }

    @Test
    void aHiringManagerSeesOnlyAssignedJobsAndMayMoveButNotEditThem() throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(false);
            assertThat(string(c, "SELECT recruiter.use_session(?)", hugo)).isEqualTo("4");
            assertThat(string(c, "SELECT recruiter.session_role()")).isEqualTo("hiring_manager");
            assertThat(ids(c, "SELECT id FROM public.jobs")).containsExactly(11);
            assertThat(ids(c, "SELECT job_id FROM recruiter.job_application_counts")).containsExactly(11);
            assertThat(ids(c, "SELECT id FROM public.job_applications")).containsExactly(101);
            assertThat(ids(c, "SELECT id FROM public.candidates")).containsExactly(1);
            assertThat(ids(c, "SELECT id FROM public.companies")).containsExactly(1);
            assertThat(update(c, "UPDATE public.jobs SET title = 'x' WHERE id = 11")).isZero();
            assertThat(update(c, "UPDATE public.jobs SET status = 'closed' WHERE id = 11")).isZero();
            assertThat(update(c, "UPDATE public.job_applications SET rating = 5, notes = 'strong',"
                    + " status = 'interview' WHERE id = 101")).isEqualTo(1);
            assertThat(update(c, "UPDATE public.job_applications SET rating = 5 WHERE id = 121")).isZero();
            assertThat(failure(c, "SELECT recruiter.invite_hiring_manager(11, 'albert@alpha.example')")
                    .getSQLState()).isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", hugo);
            assertThat(failure(c, "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type,"
                    + " location_type, status) VALUES (4, 1, 'x', 'x', 'full_time', 'on_site', 'draft')")
                    .getSQLState()).isEqualTo("42501");
            c.rollback();
        }
    }

    @Test
    void aRecruiterInvitesAndRemovesHiringManagersOnTheirOwnJobsOnly() throws SQLException {
        String bruno = signIn(BRUNO, PASSWORD);
        try (Connection c = client()) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            // the same answer for a hiring manager, a colleague and an unknown address (V31: no oracle)
            assertThat(string(c, "SELECT recruiter.invite_hiring_manager(12, 'HUGO@freelance.example')")).isEqualTo("t");
            assertThat(string(c, "SELECT recruiter.invite_hiring_manager(12, 'albert@alpha.example')")).isEqualTo("t");
            assertThat(string(c, "SELECT recruiter.invite_hiring_manager(12, 'nobody@example.com')")).isEqualTo("t");
            assertThat(strings(c, "SELECT email_key FROM recruiter.hiring_manager_invitations ORDER BY 1"))
                    .containsExactly("albert@alpha.example", "hugo@freelance.example", "nobody@example.com");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", bruno);
            assertThat(failure(c, "SELECT recruiter.invite_hiring_manager(11, 'hugo@freelance.example')")
                    .getSQLState()).isEqualTo("42501");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", bruno);
            assertThat(update(c, "DELETE FROM recruiter.job_hiring_managers WHERE job_id = 11")).isZero();
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(update(c, "DELETE FROM recruiter.job_hiring_managers WHERE job_id = 11")).isEqualTo(1);
            c.rollback();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndCountedThenTheAccountLocksAndUnlocks() throws SQLException {
        String email = "bruno@beta.example";
        try (Connection c = client()) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                assertThat(attempt(c, email, "wrong-password")).isEqualTo("invalid||" + (5 - attempt));
            }
            try (Connection admin = db.superuser().getConnection()) {
                assertThat(count(admin, "SELECT count(*) FROM recruiter.sign_in_log WHERE email_key = ?"
                        + " AND outcome = 'invalid'", email)).isEqualTo(4);
            }
            // the fifth failure locks: told as it happens (the caller's own five), and the right password is refused
            assertThat(attempt(c, email, "wrong-password")).isEqualTo("invalid|t|0");
            assertThat(attempt(c, email, PASSWORD)).startsWith("locked|t");
            try (Connection admin = db.superuser().getConnection()) {
                assertThat(string(admin, "SELECT retry_after > now() + interval '14 minutes' FROM"
                        + " recruiter.sign_in_log WHERE email_key = ? AND outcome = 'locked'", email)).isEqualTo("t");
                exec(admin, "UPDATE recruiter.sign_in_log SET started_at = started_at - interval '16 minutes'"
                        + " WHERE email_key = ?", email);
            }
            assertThat(attempt(c, email, PASSWORD)).isEqualTo("ok|t|");
            // a successful sign-in starts the count again
            assertThat(attempt(c, email, "wrong-password")).isEqualTo("invalid||4");
        }
    }

    @Test
    void unknownAddressesAreCountedLikeRealOnesSoRepliesRevealNothing() throws SQLException {
        try (Connection c = client()) {
            assertThat(attempt(c, "nobody@nowhere.example", "whatever")).isEqualTo("invalid||4");
            assertThat(failure(c, "SELECT recruiter.sign_in_start('', 'whatever')").getMessage())
                    .contains("Enter an email address and a password");
        }
    }

    @Test
    void onlyActiveEmployersWithACompanyOrAJobMaySignInAndOthersGetWhatAWrongPasswordGets() throws SQLException {
        try (Connection admin = db.superuser().getConnection()) {
            exec(admin, "INSERT INTO public.users (id, email, password_hash, role, first_name, last_name, is_active)"
                    + " SELECT 50, 'loner@example.com', password_hash, 'EMPLOYER', 'Lone', 'Employer', true"
                    + " FROM public.users WHERE id = 1");
            exec(admin, "INSERT INTO public.employers (id, user_id, company_id) VALUES (50, 50, NULL)");
        }
        try (Connection c = client()) {
            assertThat(attempt(c, "chloe@example.com", PASSWORD)).isEqualTo("invalid||4");
            assertThat(attempt(c, "ivan@alpha.example", PASSWORD)).isEqualTo("invalid||4");
            assertThat(attempt(c, "loner@example.com", PASSWORD)).isEqualTo("invalid||4");
            // case-insensitive address, as people type it
            assertThat(attempt(c, "  Anne@Alpha.Example ", PASSWORD)).isEqualTo("ok|t|");
        }
    }

    @Test
    void deactivatingAnAccountEndsItsSessionsAtOnce() throws SQLException {
        String albert = signIn("albert@alpha.example", PASSWORD);
        try (Connection admin = db.superuser().getConnection()) {
            exec(admin, "UPDATE public.users SET is_active = false WHERE id = 2");
        }
        try (Connection c = client()) {
            c.setAutoCommit(false);
            assertThat(failure(c, "SELECT recruiter.use_session(?)", albert).getSQLState()).isEqualTo("IW401");
            c.rollback();
        } finally {
            try (Connection admin = db.superuser().getConnection()) {
                exec(admin, "UPDATE public.users SET is_active = true WHERE id = 2");
            }
        }
    }

    @Test
    void theSessionLastsOnlyItsTransaction() throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(count(c, "SELECT count(*) FROM public.jobs")).isEqualTo(2);
            c.commit();
            assertThat(count(c, "SELECT count(*) FROM public.jobs")).isZero();
            c.rollback();
        }
    }

    @Test
    void theGroupRoleHasNoPowersBeyondItsGrants() throws SQLException {
        try (Connection admin = db.superuser().getConnection()) {
            assertThat(string(admin, "SELECT rolcanlogin::text || rolsuper || rolbypassrls || rolcreaterole"
                    + " || rolcreatedb FROM pg_roles WHERE rolname = 'recruiter_app'"))
                    .isEqualTo("falsefalsefalsefalsefalse");
            assertThat(count(admin, "SELECT count(*) FROM pg_class c WHERE pg_has_role('recruiter_app', c.relowner,"
                    + " 'MEMBER') AND c.relnamespace IN ('public'::regnamespace, 'recruiter'::regnamespace)"))
                    .as("objects owned by recruiter_app").isZero();
            // every table the client can read or write has row-level security, except Flyway's history (V28: the
            // app checks the schema version as the client login; it names migrations, never a company's rows)
            assertThat(strings(admin, "SELECT c.oid::regclass::text FROM pg_class c"
                    + " WHERE c.relkind IN ('r', 'p', 'v', 'm') AND c.relnamespace IN ('public'::regnamespace,"
                    + " 'recruiter'::regnamespace) AND NOT c.relrowsecurity"
                    + " AND c.oid <> 'recruiter.flyway_schema_history'::regclass"
                    + " AND (has_table_privilege('recruiter_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE')"
                    + "      OR has_any_column_privilege('recruiter_app', c.oid, 'SELECT, INSERT, UPDATE'))"))
                    .isEmpty();
            assertThat(string(admin, "SELECT has_table_privilege('recruiter_app', 'recruiter.flyway_schema_history',"
                    + " 'INSERT, UPDATE, DELETE, TRUNCATE')")).as("the history is read-only to the client").isEqualTo("f");
            // functions that run with their owner's rights: the client may call only these
            assertThat(strings(admin, "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'recruiter'::regnamespace"
                    + " AND p.prosecdef AND p.prorettype <> 'trigger'::regtype"
                    + " AND has_function_privilege('recruiter_app', p.oid, 'EXECUTE') ORDER BY 1"))
                    .containsExactly("add_application_note", "board_page", "delete_application_note",
                            "deliver_due_status_notifications", "interview_people", "invite_hiring_manager",
                            // the live board (V42, decision 0021)
                            "live_channels", "live_events",
                            "notify_status_change", "refresh_visible_active_jobs_summary",
                            // use_session stores the transaction's verified scope through it (V58, decision 0032)
                            "remember_session_scope", "reschedule_interview",
                            "schedule_interview", "search_candidate_cards", "search_candidates",
                            "search_job_page", "search_visible_jobs", "session_company_id", "session_employer_id",
                            "session_job_ids", "session_profile", "session_role", "session_user_id",
                            "set_interview_status", "sign_in_finish", "sign_in_start", "sign_out",
                            "stale_applications", "tagged_job_count", "tagged_job_ids", "tagged_job_page",
                            "visible_active_jobs_summary",
                            "visible_recruiters");
        }
    }

    @Test
    void theSessionProfileSaysWhoIsSignedIn() throws SQLException {
        try (Connection c = client()) {
            c.setAutoCommit(false);
            exec(c, "SELECT recruiter.use_session(?)", anne);
            assertThat(string(c, "SELECT first_name || ' ' || last_name || '|' || company_name || '|' || role"
                    + " || '|' || (expires_at > now() + interval '11 hours') FROM recruiter.session_profile()"))
                    .isEqualTo("Anne Alpha|Alpha|recruiter|true");
            c.rollback();
            exec(c, "SELECT recruiter.use_session(?)", hugo);
            assertThat(string(c, "SELECT coalesce(company_name, '-') || '|' || role || '|' || hiring_manager_job_count"
                    + " FROM recruiter.session_profile()")).isEqualTo("-|hiring_manager|1");
            c.rollback();
        }
    }

    Connection client() throws SQLException {
        return ClientLogins.connect(db, LOGIN);
    }

    String signIn(String email, String password) throws SQLException {
        return ClientLogins.signIn(db, LOGIN, email, password);
    }

    static String attempt(Connection c, String email, String password) throws SQLException {
        return ClientLogins.attempt(c, email, password);
    }

    static List<Integer> ids(Connection c, String sql) throws SQLException {
        return strings(c, sql + " ORDER BY 1").stream().map(Integer::valueOf).toList();
    }
}
