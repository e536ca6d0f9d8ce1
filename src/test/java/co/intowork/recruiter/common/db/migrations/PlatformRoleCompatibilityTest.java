package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web platform connects with its own role, which owns its tables in public and has no rights in schema
 * recruiter: after the migrations (row-level security included), its reads and writes must still work, and the
 * triggers must still record them.
 */
class PlatformRoleCompatibilityTest {

    @Test
    void thePlatformsOwnRoleKeepsWritingAndIsStillTracked() throws SQLException {
        TestDatabase.Db db = MigratedDatabases.migratedWithBasicRows("platform_role");
        try (Connection admin = db.superuser().getConnection()) {
            exec(admin, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'intowork_web') THEN"
                    + " CREATE ROLE intowork_web LOGIN PASSWORD 'web'; END IF; END $$");
            // the platform's ORM created its tables, so its role owns them (and row-level security exempts it)
            exec(admin, "GRANT USAGE ON SCHEMA public TO intowork_web");
            exec(admin, "DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname ="
                    + " 'public' LOOP EXECUTE format('ALTER TABLE public.%I OWNER TO intowork_web', t); END LOOP;"
                    + " END $$");
            exec(admin, "REVOKE ALL ON SCHEMA recruiter FROM PUBLIC");
        }
        Properties props = new Properties();
        props.setProperty("user", "intowork_web");
        props.setProperty("password", "web");
        String url = db.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        try (Connection web = DriverManager.getConnection(url, props)) {
            assertThat(string(web, "SELECT current_user")).isEqualTo("intowork_web");
            assertThat(string(web, "SELECT has_schema_privilege('recruiter', 'USAGE')")).isEqualTo("f");
            // row-level security is on, and the owner still sees every row without signing in
            assertThat(string(web, "SELECT relrowsecurity FROM pg_class WHERE oid = 'public.jobs'::regclass"))
                    .isEqualTo("t");
            assertThat(count(web, "SELECT count(*) FROM public.jobs")).isEqualTo(3);
            assertThat(count(web, "SELECT count(*) FROM public.users")).isEqualTo(4);
            // what the platform does, with the columns it knows about
            exec(web, "INSERT INTO public.job_applications (job_id, candidate_id, status, cover_letter, applied_at,"
                    + " updated_at) VALUES (2, 1, 'applied', 'Bonjour', now(), now())");
            exec(web, "UPDATE public.job_applications SET status = 'viewed', updated_at = now() WHERE job_id = 2"
                    + " AND candidate_id = 1");
            exec(web, "UPDATE public.jobs SET title = 'Comptable confirmé', views_count = views_count + 1 WHERE id = 2");
            exec(web, "UPDATE public.users SET last_name = 'Nguema-Ondo' WHERE id = 2");
            exec(web, "INSERT INTO public.skills (candidate_id, name, level, category) VALUES (1, 'Kotlin', 3, 'TECHNICAL')");
            exec(web, "DELETE FROM public.job_applications WHERE job_id = 2 AND candidate_id = 1");
            exec(web, "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type, location_type,"
                    + " status, is_featured, views_count, applications_count) VALUES (1, 1, 'Temp', 'Temp', 'full_time',"
                    + " 'on_site', 'draft', false, 0, 0)");
            exec(web, "DELETE FROM public.jobs WHERE title = 'Temp'");
        }
        try (Connection admin = db.superuser().getConnection()) {
            assertThat(rows(admin, "SELECT from_status, to_status, source FROM recruiter.application_status_events e"
                    + " WHERE e.application_id = (SELECT application_id FROM recruiter.deleted_applications_archive"
                    + "  WHERE job_id = 2 AND candidate_id = 1) ORDER BY e.id"))
                    .containsExactly("null|applied|insert", "applied|viewed|platform");
            assertThat(rows(admin, "SELECT deleted_by_db_user, row_data->>'cover_letter', status"
                    + " FROM recruiter.deleted_applications_archive")).containsExactly("intowork_web|Bonjour|viewed");
            assertThat(rows(admin, "SELECT deleted_by_db_user, title FROM recruiter.deleted_jobs_archive"))
                    .containsExactly("intowork_web|Temp");
            assertThat(string(admin, "SELECT version FROM public.jobs WHERE id = 2")).isEqualTo("2");
            assertThat(count(admin, "SELECT count(*) FROM recruiter.candidate_search WHERE candidate_id = 1"
                    + " AND document @@ recruiter.search_query('kotlin')"
                    + " AND document @@ recruiter.search_query('nguema-ondo')")).isEqualTo(1);
        }
    }
}
