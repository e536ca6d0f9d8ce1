package co.intowork.recruiter.common.db.migrations;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.failure;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Housekeeping removes only what it should, on a database created by Flyway at V1, filled like the platform
 * fills it, then migrated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HousekeepingFunctionsTest {
    private TestDatabase.Db db;

    @BeforeAll
    void migrate() throws SQLException {
        db = MigratedDatabases.migratedTo("housekeeping", "1");
        try (Connection c = db.superuser().getConnection()) {
            MigratedDatabases.runScript(c, MigratedDatabases.FIXTURE);
        }
        new Migrator(db.superuser()).migrate(false, null, msg -> { });
    }

    @Test
    void expiredSessionsArePurgedValidOnesKept() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(count(c, "SELECT recruiter.purge_expired_sessions()")).isEqualTo(2);
            assertThat(strings(c, "SELECT session_token FROM public.sessions ORDER BY 1"))
                    .containsExactly("s-valid-1", "s-valid-2");
            assertThat(count(c, "SELECT recruiter.purge_expired_sessions()")).isZero();
        }
    }

    @Test
    void usedOrExpiredPasswordResetTokensArePurged() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(count(c, "SELECT recruiter.purge_password_reset_tokens()")).isEqualTo(2);
            assertThat(strings(c, "SELECT token FROM public.password_reset_tokens")).containsExactly("prt-valid");
        }
    }

    @Test
    void expiredVerificationTokensArePurged() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(count(c, "SELECT recruiter.purge_expired_verification_tokens()")).isEqualTo(1);
            assertThat(strings(c, "SELECT token FROM public.verification_tokens")).containsExactly("vt-valid");
        }
    }

    @Test
    void oldReadNotificationsAndVeryOldUnreadOnesAreMovedToTheArchive() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            long before = count(c, "SELECT count(*) FROM public.notifications");
            assertThat(count(c, "SELECT recruiter.archive_old_notifications(interval '90 days', interval '365 days')"))
                    .isEqualTo(3);
            // read 120 days ago -> archived; unread 2 years (false, and NULL) -> archived;
            // unread 200 days, read 10 days, recent ones -> kept
            assertThat(rows(c, "SELECT id, coalesce(is_read::text, 'null'), archive_reason, message"
                    + " FROM recruiter.notifications_archive ORDER BY id"))
                    .containsExactly("10|true|read|Bienvenue sur INTOWORK",
                            "13|false|unread, expired|Ancienne offre",
                            "14|null|unread, expired|Écrit en SQL, is_read jamais renseigné");
            assertThat(strings(c, "SELECT id FROM public.notifications ORDER BY id"))
                    .containsExactly("1", "2", "3", "4", "5", "11", "12");
            assertThat(count(c, "SELECT count(*) FROM public.notifications")
                    + count(c, "SELECT count(*) FROM recruiter.notifications_archive")).isEqualTo(before);
            assertThat(count(c, "SELECT recruiter.archive_old_notifications()")).isZero();
            // a shorter unread bound reaches the 200-day-old unread one
            assertThat(count(c, "SELECT recruiter.archive_old_notifications(interval '90 days', interval '180 days')"))
                    .isEqualTo(1);
            assertThat(failure(c, "SELECT recruiter.archive_old_notifications(interval '0 days')").getSQLState())
                    .isEqualTo("22023");
        }
    }

    @Test
    void theHousekeepingFunctionsAreNotOpenToEveryone() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(strings(c, "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'recruiter'::regnamespace"
                    + " AND p.proname IN ('purge_expired_sessions', 'purge_password_reset_tokens',"
                    + " 'purge_expired_verification_tokens', 'archive_old_notifications', 'refresh_active_jobs_summary')"
                    + " AND has_function_privilege('public', p.oid, 'EXECUTE')")).isEmpty();
        }
    }
}
