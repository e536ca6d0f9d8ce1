package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.SQLException;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static org.assertj.core.api.Assertions.assertThat;

/** Each new rule refuses a bad row written with plain SQL, with a SQLSTATE the client turns into a sentence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityConstraintsTest {
    private TestDatabase.Db db;

    @BeforeAll
    void migrate() {
        db = MigratedDatabases.migratedWithBasicRows("integrity");
    }

    private static void assertRefused(SQLException e, String sqlState, String constraint) {
        assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(sqlState);
        assertThat(((PSQLException) e).getServerErrorMessage().getConstraint()).isEqualTo(constraint);
        String sentence = SqlErrors.describe(e);
        assertThat(sentence).contains("(" + constraint + ")").endsWith(".");
        if (sqlState.equals("23505")) {
            assertThat(sentence).startsWith("This would create a duplicate");
        } else {
            assertThat(sentence).startsWith("These values break a rule of the database");
        }
    }

    @Test
    void aCandidateAppliesOnceToAJob() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertRefused(failure(c, "INSERT INTO public.job_applications (job_id, candidate_id, status)"
                    + " VALUES (1, 1, 'applied')"), "23505", "ux_job_applications_job_candidate");
            // ADR 0003: not even after a rejection
            exec(c, "UPDATE public.job_applications SET status = 'rejected' WHERE id = 1");
            assertRefused(failure(c, "INSERT INTO public.job_applications (job_id, candidate_id, status)"
                    + " VALUES (1, 1, 'applied')"), "23505", "ux_job_applications_job_candidate");
            exec(c, "UPDATE public.job_applications SET status = 'applied' WHERE id = 1");
            // another job is fine, and ON CONFLICT can name the pair
            exec(c, "INSERT INTO public.job_applications (job_id, candidate_id, status) VALUES (2, 1, 'applied')"
                    + " ON CONFLICT (job_id, candidate_id) DO NOTHING");
            exec(c, "INSERT INTO public.job_applications (job_id, candidate_id, status) VALUES (2, 1, 'applied')"
                    + " ON CONFLICT (job_id, candidate_id) DO NOTHING");
            assertThat(count(c, "SELECT count(*) FROM public.job_applications WHERE job_id = 2 AND candidate_id = 1"))
                    .isEqualTo(1);
        }
    }

    @Test
    void anOAuthAccountIsLinkedOnce() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "INSERT INTO public.accounts (user_id, type, provider, provider_account_id)"
                    + " VALUES (2, 'oauth', 'google', 'g-2')");
            assertRefused(failure(c, "INSERT INTO public.accounts (user_id, type, provider, provider_account_id)"
                    + " VALUES (2, 'oauth', 'google', 'g-2')"), "23505", "ux_accounts_user_provider_account");
            exec(c, "INSERT INTO public.accounts (user_id, type, provider, provider_account_id)"
                    + " VALUES (2, 'oauth', 'linkedin', 'g-2')");
        }
    }

    @Test
    void aVerificationTokenExistsOnce() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "INSERT INTO public.verification_tokens (identifier, token, expires)"
                    + " VALUES ('a@example.com', 'tok-1', now() + interval '1 day')");
            SQLException e = failure(c, "INSERT INTO public.verification_tokens (identifier, token, expires)"
                    + " VALUES ('a@example.com', 'tok-1', now() + interval '1 day')");
            // the platform's unique token index and ours both forbid it; either may be the one reported
            assertThat(e.getSQLState()).isEqualTo("23505");
            assertThat(((PSQLException) e).getServerErrorMessage().getConstraint())
                    .isIn("ux_verification_tokens_identifier_token", "ix_verification_tokens_token");
            assertThat(count(c, "SELECT count(*) FROM pg_index WHERE indisunique AND indisvalid"
                    + " AND indexrelid = 'public.ux_verification_tokens_identifier_token'::regclass")).isEqualTo(1);
        }
    }

    @Test
    void candidateSalaryExpectationsFormARange() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertRefused(failure(c, "UPDATE public.candidates SET salary_expectation_min = 950000 WHERE id = 1"),
                    "23514", "ck_candidates_salary_expectation_range");
            assertRefused(failure(c, "UPDATE public.candidates SET salary_expectation_min = -1,"
                    + " salary_expectation_max = NULL WHERE id = 1"), "23514", "ck_candidates_salary_expectation_range");
            exec(c, "UPDATE public.candidates SET salary_expectation_min = 900000 WHERE id = 1");
            exec(c, "UPDATE public.candidates SET salary_expectation_min = NULL, salary_expectation_max = 1 WHERE id = 3");
        }
    }

    @Test
    void aJobIsNotPostedAfterItExpires() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertRefused(failure(c, "UPDATE public.jobs SET expires_at = posted_at - interval '1 day' WHERE id = 1"),
                    "23514", "ck_jobs_posted_at_not_after_expires_at");
            exec(c, "UPDATE public.jobs SET expires_at = posted_at WHERE id = 2");
        }
    }

    @Test
    void jobStatusTypeAndLocationTypeStayWithinTheirLowerCaseValues() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            String insert = "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type,"
                    + " location_type, status) VALUES (1, 1, 'x', 'y', ?, ?, ?)";
            assertRefused(failure(c, insert, "full_time", "on_site", "Published"), "23514", "ck_jobs_status_values");
            assertRefused(failure(c, insert, "full_time", "on_site", "deleted"), "23514", "ck_jobs_status_values");
            assertRefused(failure(c, insert, "FULL_TIME", "on_site", "draft"), "23514", "ck_jobs_job_type_values");
            assertRefused(failure(c, insert, "freelance", "on_site", "draft"), "23514", "ck_jobs_job_type_values");
            assertRefused(failure(c, insert, "full_time", "onsite", "draft"), "23514", "ck_jobs_location_type_values");
            for (String status : new String[] {"draft", "published", "closed", "archived"}) {
                exec(c, insert, "part_time", "remote", status);
            }
            for (String type : new String[] {"full_time", "part_time", "contract", "temporary", "internship"}) {
                exec(c, insert, type, "hybrid", "draft");
            }
        }
    }

    @Test
    void anApplicationIsNotDatedInTheFuture() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertRefused(failure(c, "INSERT INTO public.job_applications (job_id, candidate_id, status, applied_at)"
                    + " VALUES (2, 3, 'applied', now() + interval '1 day')"),
                    "23514", "ck_job_applications_applied_at_not_future");
            assertRefused(failure(c, "UPDATE public.job_applications SET applied_at = now() + interval '1 hour'"
                    + " WHERE id = 2"), "23514", "ck_job_applications_applied_at_not_future");
            // a web server whose clock runs a minute ahead is tolerated
            exec(c, "INSERT INTO public.job_applications (job_id, candidate_id, status, applied_at)"
                    + " VALUES (3, 3, 'applied', now() + interval '1 minute')");
            // a row already in the future (from before the rule) can still be edited, just not re-dated
            exec(c, "SET session_replication_role = replica");
            exec(c, "INSERT INTO public.job_applications (id, job_id, candidate_id, status, applied_at)"
                    + " VALUES (90, 2, 1, 'applied', now() + interval '3 days')");
            exec(c, "RESET session_replication_role");
            exec(c, "UPDATE public.job_applications SET notes = 'checked' WHERE id = 90");
            assertThat(string(c, "SELECT notes FROM public.job_applications WHERE id = 90")).isEqualTo("checked");
            exec(c, "DELETE FROM public.job_applications WHERE id = 90");
        }
    }

    @Test
    void anEmployerMayStillHaveNoCompany() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "INSERT INTO public.users (id, email, role, first_name, last_name, is_active)"
                    + " VALUES (50, 'new@example.com', 'EMPLOYER', 'New', 'Recruiter', true)");
            exec(c, "INSERT INTO public.employers (user_id, company_id) VALUES (50, NULL)");
            assertThat(string(c, "SELECT is_nullable FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name = 'employers' AND column_name = 'company_id'"))
                    .isEqualTo("YES");
            assertThat(string(c, "SELECT col_description('public.employers'::regclass, 3)")).contains("onboarding");
        }
    }
}
