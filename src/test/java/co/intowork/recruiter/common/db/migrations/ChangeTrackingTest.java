package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.update;
import static org.assertj.core.api.Assertions.assertThat;

/** updated_at, version and the status history follow plain-SQL writes, as the web platform makes them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeTrackingTest {
    private TestDatabase.Db db;

    @BeforeAll
    void migrate() {
        db = MigratedDatabases.migratedWithBasicRows("tracking");
    }

    @Test
    void everyPlatformTableWithUpdatedAtHasTheTrigger() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(strings(c, "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
                    + " AND a.attname = 'updated_at' WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid"
                    + "   AND t.tgname = 'recruiter_touch_updated_at')")).isEmpty();
            assertThat(count(c, "SELECT count(*) FROM pg_trigger WHERE tgname = 'recruiter_touch_updated_at'"))
                    .isEqualTo(18);
        }
    }

    @Test
    void updatedAtIsBumpedOnlyWhenTheRowChanges() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "INSERT INTO public.companies (id, name, is_verified, updated_at)"
                    + " VALUES (20, 'Old Co', false, '2020-01-01T00:00:00Z')");
            // a no-op write leaves it alone
            exec(c, "UPDATE public.companies SET name = name WHERE id = 20");
            assertThat(string(c, "SELECT updated_at AT TIME ZONE 'UTC' FROM public.companies WHERE id = 20"))
                    .isEqualTo("2020-01-01 00:00:00");
            // a real change (the platform sets no updated_at in plain SQL) bumps it
            exec(c, "UPDATE public.companies SET city = 'Libreville' WHERE id = 20");
            assertThat(count(c, "SELECT count(*) FROM public.companies WHERE id = 20"
                    + " AND updated_at > now() - interval '1 minute'")).isEqualTo(1);
            // a writer that sets updated_at itself (the platform's ORM) is respected
            exec(c, "UPDATE public.companies SET city = 'Douala', updated_at = '2021-06-01T00:00:00Z' WHERE id = 20");
            assertThat(string(c, "SELECT updated_at AT TIME ZONE 'UTC' FROM public.companies WHERE id = 20"))
                    .isEqualTo("2021-06-01 00:00:00");
            // on another table too (sessions, the busiest)
            exec(c, "INSERT INTO public.sessions (user_id, session_token, expires, updated_at)"
                    + " VALUES (2, 'tok-track', now() + interval '1 day', '2020-01-01T00:00:00Z')");
            exec(c, "UPDATE public.sessions SET expires = expires + interval '1 day' WHERE session_token = 'tok-track'");
            assertThat(count(c, "SELECT count(*) FROM public.sessions WHERE session_token = 'tok-track'"
                    + " AND updated_at > now() - interval '1 minute'")).isEqualTo(1);
        }
    }

    @Test
    void versionCountsRealChangesWhoeverMakesThem() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "INSERT INTO public.jobs (id, employer_id, company_id, title, description, job_type, location_type,"
                    + " status, views_count, applications_count) VALUES (30, 1, 1, 'Chauffeur', 'Permis B',"
                    + " 'full_time', 'on_site', 'draft', 0, 0)");
            assertThat(string(c, "SELECT version FROM public.jobs WHERE id = 30")).isEqualTo("1");
            exec(c, "UPDATE public.jobs SET title = 'Chauffeur poids lourd' WHERE id = 30");
            assertThat(string(c, "SELECT version FROM public.jobs WHERE id = 30")).isEqualTo("2");
            exec(c, "UPDATE public.jobs SET title = title WHERE id = 30");
            // counters the platform bumps on every view do not make a new version
            exec(c, "UPDATE public.jobs SET views_count = views_count + 1 WHERE id = 30");
            assertThat(string(c, "SELECT version FROM public.jobs WHERE id = 30")).isEqualTo("2");
            // a writer cannot forge a version
            exec(c, "UPDATE public.jobs SET status = 'published', version = 99 WHERE id = 30");
            assertThat(string(c, "SELECT version FROM public.jobs WHERE id = 30")).isEqualTo("3");
            // optimistic locking: a save based on a stale version changes nothing
            assertThat(update(c, "UPDATE public.jobs SET title = 'x' WHERE id = 30 AND version = 2")).isZero();
            assertThat(update(c, "UPDATE public.jobs SET title = 'y' WHERE id = 30 AND version = 3")).isEqualTo(1);

            exec(c, "UPDATE public.job_applications SET notes = 'vu' WHERE id = 3");
            exec(c, "UPDATE public.job_applications SET rating = 4 WHERE id = 3");
            assertThat(string(c, "SELECT version FROM public.job_applications WHERE id = 3")).isEqualTo("3");
        }
    }

    @Test
    void statusChangesAreRecordedWithTheirSource() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            // a new application (the platform's INSERT) starts its history
            exec(c, "INSERT INTO public.job_applications (id, job_id, candidate_id, status, applied_at)"
                    + " VALUES (40, 2, 1, 'applied', '2026-01-10T09:00:00Z')");
            // the platform changes the status: no actor declared
            exec(c, "UPDATE public.job_applications SET status = 'viewed' WHERE id = 40");
            // writes that do not change the status add nothing
            exec(c, "UPDATE public.job_applications SET status = 'viewed', notes = 'x' WHERE id = 40");
            exec(c, "UPDATE public.job_applications SET rating = 3 WHERE id = 40");
            // the client declares its user for the transaction
            c.setAutoCommit(false);
            exec(c, "SELECT set_config('recruiter.actor_user_id', '1', true)");
            exec(c, "UPDATE public.job_applications SET status = 'shortlisted' WHERE id = 40");
            c.commit();
            // the setting was transaction-local: the next write is the platform's again
            exec(c, "UPDATE public.job_applications SET status = 'interview' WHERE id = 40");
            c.commit();
            c.setAutoCommit(true);

            assertThat(rows(c, "SELECT coalesce(from_status::text, '-'), to_status, coalesce(changed_by::text, '-'),"
                    + " source FROM recruiter.application_status_events WHERE application_id = 40 ORDER BY changed_at, id"))
                    .containsExactly("-|applied|-|insert", "applied|viewed|-|platform",
                            "viewed|shortlisted|1|client", "shortlisted|interview|-|platform");
            assertThat(string(c, "SELECT changed_at AT TIME ZONE 'UTC' FROM recruiter.application_status_events"
                    + " WHERE application_id = 40 AND source = 'insert'")).isEqualTo("2026-01-10 09:00:00");
        }
    }

    @Test
    void theHistoryIsAppendOnly() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM recruiter.application_status_events")).isPositive();
            assertThat(failure(c, "UPDATE recruiter.application_status_events SET source = 'client'").getSQLState())
                    .isEqualTo("42501");
            assertThat(failure(c, "DELETE FROM recruiter.application_status_events").getSQLState()).isEqualTo("42501");
            assertThat(failure(c, "TRUNCATE recruiter.application_status_events").getSQLState()).isEqualTo("42501");
        }
    }
}
