package co.intowork.recruiter.common.db.shapes;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.UserFacingException;
import co.intowork.recruiter.common.db.shapes.PlatformShapes.Shape;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 18, point 3: a migration that fails midway reports its first error (not the error callback's follow-on
 * "current transaction is aborted"), the migration and the state left; the status shows it until a re-run, once
 * the cause is gone, finishes.
 */
class MigrationFailureTest {

    @Test
    void aConflictingObjectStopsATransactionalMigrationWhichIsRolledBackReportedAndResumed() throws SQLException {
        TestDatabase.Db db = PlatformShapes.withFixture("failure_conflict", Shape.CURRENT);
        new Migrator(db.superuser()).migrate(true, "15", msg -> { });
        // someone's own function under the name V16 gives its housekeeping function, returning another type
        exec(db.superuser(), "CREATE FUNCTION recruiter.purge_expired_sessions() RETURNS text LANGUAGE sql"
                + " AS $$ SELECT 'mine' $$");

        UserFacingException failure = catchThrowableOfType(
                () -> new Migrator(db.superuser()).migrate(false, null, msg -> { }), UserFacingException.class);
        assertThat(failure.getMessage())
                .startsWith("Migration V16 (housekeeping) failed: cannot change return type of existing function")
                .contains("[SQLSTATE 42P13]")
                .contains("rolled back: the database is at version 15")
                .contains("already exists")
                .contains("run `intowork-recruiter migrate` again")
                .doesNotContain("current transaction is aborted");

        Migrator.Status status = new Migrator(db.superuser()).inspect();
        assertThat(status.currentVersion()).isEqualTo("15");
        assertThat(status.failed()).isTrue();
        assertThat(status.upToDate()).isFalse();
        assertThat(status.failures()).singleElement().asString()
                .contains("V16 housekeeping failed: cannot change return type").contains("version 15");
        try (Connection c = db.superuser().getConnection()) {
            // nothing of V16 stayed
            assertThat(strings(c, "SELECT to_regclass('recruiter.notifications_archive') IS NULL")).containsExactly("t");
        }

        exec(db.superuser(), "DROP FUNCTION recruiter.purge_expired_sessions()");
        Migrator.Result resumed = new Migrator(db.superuser()).migrate(false, null, msg -> { });
        assertThat(resumed.fromVersion()).isEqualTo("15");
        Migrator.Status after = new Migrator(db.superuser()).inspect();
        assertThat(after.upToDate()).isTrue();
        assertThat(after.failures()).isEmpty();
        try (Connection c = db.superuser().getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM recruiter.migration_failures WHERE resolved_at IS NOT NULL"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aLockHeldPastTheLockTimeoutStopsANonTransactionalMigrationMidwayReportedAndResumed() throws Exception {
        TestDatabase.Db db = PlatformShapes.withFixture("failure_lock", Shape.OLDER);
        DataSource shortWait = PlatformShapes.withMigrationLockTimeout(db, "1s");
        UserFacingException failure;
        try (Connection holder = db.superuser().getConnection(); Statement s = holder.createStatement()) {
            // a transaction left open holding a lock on verification_tokens: V4 builds its first two unique
            // indexes, then waits for this table past the lock timeout
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE public.verification_tokens IN SHARE MODE");
            failure = catchThrowableOfType(() -> new Migrator(shortWait).migrate(true, null, msg -> { }),
                    UserFacingException.class);
            holder.rollback();
        }
        assertThat(failure.getMessage())
                .containsPattern("^Migration V4 \\(unique indexes\\) failed: canceling statement due to lock timeout")
                .contains("[SQLSTATE 55P03]")
                .contains("stopped midway: the steps it finished stay")
                .contains("pg_stat_activity")
                .doesNotContain("current transaction is aborted");
        Migrator.Status status = new Migrator(db.superuser()).inspect();
        assertThat(status.failed()).isTrue();
        assertThat(status.failures()).anyMatch(f -> f.startsWith("V4 unique indexes stopped midway"))
                .anyMatch(f -> f.contains("lock timeout"));

        try (Connection c = db.superuser().getConnection()) {
            // partly applied: the indexes built before the wait stay, the one that waited does not exist
            assertThat(strings(c, "SELECT to_regclass('public.ux_job_applications_job_candidate') IS NOT NULL AND"
                    + " to_regclass('public.ux_verification_tokens_identifier_token') IS NULL"))
                    .containsExactly("t");
        }
        Migrator.Result resumed = new Migrator(shortWait).migrate(false, null, msg -> { });
        assertThat(resumed.applied()).isGreaterThan(10);
        Migrator.Status after = new Migrator(db.superuser()).inspect();
        assertThat(after.upToDate()).isTrue();
        assertThat(after.failures()).isEmpty();
    }

    private static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
