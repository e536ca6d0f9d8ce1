package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.testing.TestDatabase;
import co.intowork.recruiter.testing.TwoCompanies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V30's counts per job follow the platform's writes (plain SQL, as its web backend issues them): expected rows
 * written by hand after each step, and the full recount finding nothing to repair at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationCountsTest {
    TestDatabase.Db db;

    @BeforeAll
    void setUp() {
        db = TwoCompanies.create("application_counts");
    }

    /** job|company|job status|live|applied,viewed,shortlisted,interview,accepted,rejected */
    private static String row(Connection c, int job) throws SQLException {
        return String.join("", rows(c, "SELECT job_id || '|' || company_id || '|' || job_status || '|' || job_live"
                + " || '|' || concat_ws(',', applied, viewed, shortlisted, interview, accepted, rejected)"
                + " FROM recruiter.job_application_counts WHERE job_id = ?", job));
    }

    @Test
    void countsFollowInsertsMovesSoftAndHardDeletesOfApplicationsCandidatesAndJobs() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            // the fixture, counted by the triggers as it was loaded
            assertThat(row(c, 11)).isEqualTo("11|1|published|true|1,0,0,0,0,0");
            assertThat(row(c, 12)).isEqualTo("12|1|draft|true|0,1,0,0,0,0");
            assertThat(row(c, 21)).isEqualTo("21|2|published|true|1,0,1,0,0,0");

            exec(c, "INSERT INTO public.job_applications (job_id, candidate_id, status) VALUES (11, 2, 'interview')");
            exec(c, "UPDATE public.job_applications SET status = 'viewed' WHERE id = 101");
            assertThat(row(c, 11)).isEqualTo("11|1|published|true|0,1,0,1,0,0");

            exec(c, "UPDATE public.job_applications SET deleted_at = now() WHERE id = 201");
            assertThat(row(c, 21)).isEqualTo("21|2|published|true|0,0,1,0,0,0");

            // Camille (candidate 3) soft-deleted: her applications to 12 and 21 stop counting; restored, they count
            exec(c, "UPDATE public.candidates SET deleted_at = now() WHERE id = 3");
            assertThat(row(c, 12)).isEqualTo("12|1|draft|true|0,0,0,0,0,0");
            assertThat(row(c, 21)).isEqualTo("21|2|published|true|0,0,0,0,0,0");
            // a move made while she is deleted changes nothing either
            exec(c, "UPDATE public.job_applications SET status = 'rejected' WHERE id = 202");
            assertThat(row(c, 21)).isEqualTo("21|2|published|true|0,0,0,0,0,0");
            exec(c, "UPDATE public.candidates SET deleted_at = NULL WHERE id = 3");
            assertThat(row(c, 12)).isEqualTo("12|1|draft|true|0,1,0,0,0,0");
            assertThat(row(c, 21)).isEqualTo("21|2|published|true|0,0,0,0,0,1");

            // an application moved to another job, then one hard-deleted
            exec(c, "UPDATE public.job_applications SET job_id = 11 WHERE id = 121");
            assertThat(row(c, 12)).isEqualTo("12|1|draft|true|0,0,0,0,0,0");
            assertThat(row(c, 11)).isEqualTo("11|1|published|true|0,2,0,1,0,0");
            exec(c, "DELETE FROM public.job_applications WHERE id = 202");
            assertThat(row(c, 21)).isEqualTo("21|2|published|true|0,0,0,0,0,0");

            // jobs: created, published, soft-deleted, hard-deleted
            exec(c, "INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type,"
                    + " location_type, status) VALUES (13, 1, 1, 'Alpha analyst', 'd', 'full_time', 'remote', 'draft')");
            assertThat(row(c, 13)).isEqualTo("13|1|draft|true|0,0,0,0,0,0");
            exec(c, "UPDATE public.jobs SET status = 'published' WHERE id = 13");
            exec(c, "UPDATE public.jobs SET deleted_at = now() WHERE id = 12");
            assertThat(row(c, 13)).isEqualTo("13|1|published|true|0,0,0,0,0,0");
            assertThat(row(c, 12)).isEqualTo("12|1|draft|false|0,0,0,0,0,0");
            exec(c, "DELETE FROM public.jobs WHERE id = 13");
            assertThat(row(c, 13)).isEmpty();

            // what the triggers kept is what a full recount finds
            assertThat(value(c, "SELECT recruiter.rebuild_job_application_counts()")).isEqualTo(0L);

            // and the recount repairs a row that drifted (e.g. after a bulk load with triggers off)
            exec(c, "UPDATE recruiter.job_application_counts SET viewed = 7 WHERE job_id = 11");
            assertThat(value(c, "SELECT recruiter.rebuild_job_application_counts()")).isEqualTo(1L);
            assertThat(row(c, 11)).isEqualTo("11|1|published|true|0,2,0,1,0,0");
        }
    }
}
