package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.value;
import static org.assertj.core.api.Assertions.assertThat;

/** Soft-deleted rows leave the summary view; hard deletes are archived; the view refreshes concurrently. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftDeleteAndArchiveTest {
    private TestDatabase.Db db;

    @BeforeAll
    void migrate() throws SQLException {
        db = MigratedDatabases.migratedWithBasicRows("softdelete");
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type,"
                    + " status, posted_at) VALUES (10, 1, 1, 'Logisticien', 'Gestion des stocks', 'full_time',"
                    + " 'on_site', 'published', now() - interval '1 day')");
            exec(c, "INSERT INTO public.job_applications (job_id, candidate_id, status) VALUES"
                    + " (10, 1, 'applied'), (10, 2, 'interview'), (10, 3, 'rejected')");
        }
    }

    private static String refresh(Connection c) throws SQLException {
        return string(c, "SELECT recruiter.refresh_active_jobs_summary()");
    }

    @Test
    void softDeletedRowsAreLeftOutOfTheSummary() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            refresh(c);
            assertThat(rows(c, "SELECT applied_count, interview_count, rejected_count, total_applications"
                    + " FROM recruiter.active_jobs_summary WHERE job_id = 10")).containsExactly("1|1|1|3");
            // soft-delete one application and one candidate (the client's deletes)
            exec(c, "UPDATE public.job_applications SET deleted_at = now(), deleted_by = 1"
                    + " WHERE job_id = 10 AND candidate_id = 1");
            exec(c, "UPDATE public.candidates SET deleted_at = now(), deleted_by = 1 WHERE id = 3");
            refresh(c);
            assertThat(rows(c, "SELECT applied_count, interview_count, rejected_count, total_applications"
                    + " FROM recruiter.active_jobs_summary WHERE job_id = 10")).containsExactly("0|1|0|1");
            // soft-delete the job itself
            exec(c, "UPDATE public.jobs SET deleted_at = now(), deleted_by = 1 WHERE id = 10");
            refresh(c);
            assertThat(strings(c, "SELECT job_id FROM recruiter.active_jobs_summary ORDER BY job_id"))
                    .containsExactly("1", "2");
            // the rows are all still there for the platform
            assertThat(count(c, "SELECT count(*) FROM public.job_applications WHERE job_id = 10")).isEqualTo(3);
            exec(c, "UPDATE public.jobs SET deleted_at = NULL, deleted_by = NULL WHERE id = 10");
            exec(c, "UPDATE public.candidates SET deleted_at = NULL, deleted_by = NULL WHERE id = 3");
        }
    }

    @Test
    void hardDeletesAreArchivedWhole() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type,"
                    + " status) VALUES (11, 1, 1, 'Annulé', 'Poste annulé', 'contract', 'remote', 'draft')");
            exec(c, "INSERT INTO public.job_applications (id, job_id, candidate_id, status, cover_letter)"
                    + " VALUES (60, 11, 2, 'applied', 'Ma lettre')");

            // a job with applications cannot be deleted (no cascade): nothing is archived either
            assertThat(failure(c, "DELETE FROM public.jobs WHERE id = 11").getSQLState()).isEqualTo("23503");
            assertThat(count(c, "SELECT count(*) FROM recruiter.deleted_jobs_archive WHERE job_id = 11")).isZero();

            // the client deletes with its user declared; the platform deletes without
            c.setAutoCommit(false);
            exec(c, "SELECT set_config('recruiter.actor_user_id', '1', true)");
            exec(c, "DELETE FROM public.job_applications WHERE id = 60");
            c.commit();
            c.setAutoCommit(true);
            exec(c, "DELETE FROM public.jobs WHERE id = 11");

            assertThat(rows(c, "SELECT job_id, candidate_id, status, row_data->>'cover_letter', deleted_by_db_user,"
                    + " deleted_by_user_id FROM recruiter.deleted_applications_archive WHERE application_id = 60"))
                    .containsExactly("11|2|applied|Ma lettre|postgres|1");
            assertThat(rows(c, "SELECT company_id, employer_id, title, status, row_data->>'description',"
                    + " deleted_by_db_user, coalesce(deleted_by_user_id::text, '-') FROM recruiter.deleted_jobs_archive"
                    + " WHERE job_id = 11")).containsExactly("1|1|Annulé|draft|Poste annulé|postgres|-");
            assertThat(count(c, "SELECT count(*) FROM recruiter.deleted_jobs_archive WHERE deleted_at IS NULL"))
                    .isZero();
        }
    }

    @Test
    void theSummaryRefreshesWhileSomeoneIsReadingIt() throws Exception {
        try (Connection reader = db.superuser().getConnection(); Connection maintainer = db.superuser().getConnection()) {
            reader.setAutoCommit(false);
            long before = count(reader, "SELECT count(*) FROM recruiter.active_jobs_summary");
            assertThat(before).isPositive();
            // the reader's transaction still holds its lock on the view: a plain REFRESH would wait for it
            exec(maintainer, "SET lock_timeout = '3s'");
            Timestamp returned = (Timestamp) value(maintainer, "SELECT recruiter.refresh_active_jobs_summary()");
            assertThat(failure(maintainer, "REFRESH MATERIALIZED VIEW recruiter.active_jobs_summary").getSQLState())
                    .isEqualTo("55P03");
            reader.commit();

            Timestamp recorded = (Timestamp) value(maintainer, "SELECT refreshed_at FROM"
                    + " recruiter.materialized_view_refreshes WHERE view_name = 'recruiter.active_jobs_summary'");
            assertThat(recorded).isEqualTo(returned);
            assertThat(returned.toInstant()).isBetween(java.time.Instant.now().minusSeconds(60),
                    java.time.Instant.now().plusSeconds(1));
            assertThat(count(maintainer, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'recruiter'"
                    + " AND indexname = 'ux_active_jobs_summary_job' AND indexdef LIKE 'CREATE UNIQUE%'")).isEqualTo(1);
        }
    }
}
