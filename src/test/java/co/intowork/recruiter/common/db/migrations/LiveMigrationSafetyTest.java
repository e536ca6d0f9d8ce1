package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.admin.DoctorService;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrations behave on a live database: concurrent index builds outside transactions, INVALID leftovers of a
 * failed build replaced, a failure midway recoverable by re-running, locks taken one table at a time and retried.
 */
class LiveMigrationSafetyTest {

    private static final String VALID_EXPECTED_INDEXES = "SELECT count(*) FROM pg_index i JOIN pg_class c"
            + " ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE i.indisvalid AND n.nspname || '.' || c.relname = ANY (?)";

    private static long validExpectedIndexes(Connection c) throws SQLException {
        return count(c, VALID_EXPECTED_INDEXES, (Object) DoctorService.expectedIndexes().toArray(String[]::new));
    }

    /** Until recruiter.apply_ddl's session sleeps between two attempts (pg_sleep), having failed to get a lock. */
    private static void awaitRetryingMigration(Connection observer, CompletableFuture<?> migration)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(observer, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND wait_event = 'PgSleep'") == 0) {
            assertThat(migration).as("the migration, still waiting for its lock").isNotDone();
            assertThat(System.nanoTime()).as("the migration retried within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void invalidIndexesLeftByAFailedConcurrentBuildAreReplaced() throws SQLException {
        TestDatabase.Db db = MigratedDatabases.migratedTo("invalid_leftover", "1");
        try (Connection c = db.superuser().getConnection()) {
            MigratedDatabases.runScript(c, MigratedDatabases.FIXTURE);
        }
        new Migrator(db.superuser()).migrate(false, "3", m -> { });
        try (Connection c = db.superuser().getConnection()) {
            // two builds that failed half-way (duplicates present), under the names V4 and V8 will use
            assertThat(failure(c, "CREATE UNIQUE INDEX CONCURRENTLY ux_job_applications_job_candidate"
                    + " ON public.job_applications (job_id, candidate_id)").getSQLState()).isEqualTo("23505");
            assertThat(failure(c, "CREATE UNIQUE INDEX CONCURRENTLY ix_jobs_employer_status"
                    + " ON public.jobs (employer_id)").getSQLState()).isEqualTo("23505");
            assertThat(strings(c, "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE NOT i.indisvalid ORDER BY 1"))
                    .containsExactly("ix_jobs_employer_status", "ux_job_applications_job_candidate");
        }
        new Migrator(db.superuser()).migrate(false, null, m -> { });
        try (Connection c = db.superuser().getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
            assertThat(count(c, "SELECT count(*) FROM pg_class WHERE relname LIKE '%\\_\\_invalid'")).isZero();
            assertThat(rows(c, "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN"
                    + " ('ux_job_applications_job_candidate', 'ix_jobs_employer_status') ORDER BY 1"))
                    .containsExactly(
                            "ix_jobs_employer_status|CREATE INDEX ix_jobs_employer_status ON public.jobs"
                                    + " USING btree (employer_id, status)",
                            "ux_job_applications_job_candidate|CREATE UNIQUE INDEX ux_job_applications_job_candidate"
                                    + " ON public.job_applications USING btree (job_id, candidate_id)");
            assertThat(validExpectedIndexes(c)).isEqualTo(DoctorService.expectedIndexes().size());
        }
    }

    @Test
    void aConcurrentIndexMigrationThatFailsMidwayCanBeRunAgain() throws SQLException {
        TestDatabase.Db db = MigratedDatabases.migratedTo("midway", "7");
        try (Connection c = db.superuser().getConnection()) {
            // something already holds the name of the last index V8 builds: V8 builds the others, then fails
            exec(c, "CREATE TABLE public.ix_sessions_expires (id integer)");
        }
        assertThatThrownBy(() -> new Migrator(db.superuser()).migrate(false, null, m -> { }))
                .hasMessageContaining("ix_sessions_expires");
        try (Connection c = db.superuser().getConnection()) {
            // Flyway recorded the non-transactional failure; the indexes built before it stay, valid
            assertThat(rows(c, "SELECT version, success FROM recruiter.flyway_schema_history WHERE NOT success"))
                    .containsExactly("8|f");
            assertThat(count(c, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE c.relname = 'ix_users_name_trgm' AND i.indisvalid")).isEqualTo(1);
            exec(c, "DROP TABLE public.ix_sessions_expires");
            // what `flyway repair` does: forget the failed attempt
            exec(c, "DELETE FROM recruiter.flyway_schema_history WHERE NOT success");
        }
        new Migrator(db.superuser()).migrate(false, null, m -> { });
        try (Connection c = db.superuser().getConnection()) {
            assertThat(validExpectedIndexes(c)).isEqualTo(DoctorService.expectedIndexes().size());
            assertThat(new Migrator(db.superuser()).inspect().upToDate()).isTrue();
        }
    }

    @Test
    void locksAreTakenOneTableAtATimeAndRetriedWhileTheTableIsBusy() throws Exception {
        TestDatabase.Db db = MigratedDatabases.migratedTo("lock_retry", "6");
        try (Connection busy = db.superuser().getConnection(); Connection observer = db.superuser().getConnection()) {
            // a long transaction of the platform reading candidates: V7's ALTER TABLE on candidates must wait
            busy.setAutoCommit(false);
            exec(busy, "LOCK TABLE public.candidates IN ACCESS SHARE MODE");
            CompletableFuture<Migrator.Result> migration = CompletableFuture.supplyAsync(
                    () -> new Migrator(db.superuser()).migrate(false, "7", m -> { }));
            // V7 waits on candidates (3 s lock_timeout), gives up, and sleeps before its next attempt: it retries
            awaitRetryingMigration(observer, migration);
            assertThat(migration).isNotDone();
            // meanwhile, jobs and job_applications already have their columns, committed: no lock held on them
            assertThat(count(observer, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                    + " AND column_name = 'deleted_at'")).isEqualTo(2);
            exec(observer, "SET lock_timeout = '1s'");
            exec(observer, "UPDATE public.jobs SET title = title WHERE id = 0");
            busy.commit();
            Migrator.Result result = migration.get(60, TimeUnit.SECONDS);
            assertThat(result.toVersion()).isEqualTo("7");
            assertThat(count(observer, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                    + " AND column_name = 'deleted_at'")).isEqualTo(3);
        }
    }
}
