package co.intowork.recruiter.common.db.migrations;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.count;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.string;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole migration set run against a database built the way the platform leaves it (V1 shape, no history,
 * realistic rows with duplicates and rule breakers), adopted with {@code migrate --baseline}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformAdoptionTest {
    private TestDatabase.Db db;
    private long applicationsBefore;
    private long accountsBefore;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void adoptThePlatformDatabase() throws SQLException {
        db = MigratedDatabases.platformWithFixture("adoption");
        try (Connection c = db.superuser().getConnection()) {
            applicationsBefore = count(c, "SELECT count(*) FROM public.job_applications");
            accountsBefore = count(c, "SELECT count(*) FROM public.accounts");
        }
        assertThat(new Migrator(db.superuser()).inspect().state()).isEqualTo(Migrator.State.PLATFORM_UNMANAGED);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            Migrator.Result result = new Migrator(db.superuser()).migrate(true, null, msg -> { });
            assertThat(result.baselined()).isTrue();
        } finally {
            root.detachAppender(log);
        }
    }

    @AfterAll
    void stop() {
        log.stop();
    }

    @Test
    void migratesToTheLatestVersionAndIsUpToDate() {
        Migrator.Status status = new Migrator(db.superuser()).inspect();
        assertThat(status.upToDate()).isTrue();
        assertThat(status.currentVersion()).isEqualTo(status.latestVersion());
        assertThat(Integer.parseInt(status.currentVersion())).isGreaterThanOrEqualTo(23);
    }

    @Test
    void duplicateApplicationsAreArchivedNoneLost() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            long kept = count(c, "SELECT count(*) FROM public.job_applications");
            long archived = count(c, "SELECT count(*) FROM recruiter.duplicate_applications_archive");
            assertThat(kept + archived).isEqualTo(applicationsBefore);
            assertThat(archived).isEqualTo(6);

            // application -> the one kept, following the written rule
            assertThat(rows(c, "SELECT application_id, kept_application_id FROM recruiter.duplicate_applications_archive"
                    + " ORDER BY application_id"))
                    .containsExactly("1|2", "4|3", "5|6", "7|6", "8|9", "11|10");
            assertThat(strings(c, "SELECT id FROM public.job_applications WHERE id < 20 ORDER BY id"))
                    .containsExactly("2", "3", "6", "9", "10", "12");

            // the archived copy is whole and says why
            assertThat(string(c, "SELECT row_data->>'cover_letter' FROM recruiter.duplicate_applications_archive"
                    + " WHERE application_id = 1")).isEqualTo("second click");
            assertThat(string(c, "SELECT reason FROM recruiter.duplicate_applications_archive WHERE application_id = 4"))
                    .contains("application 3 kept").contains("rejected > viewed > applied");
            assertThat(count(c, "SELECT count(*) FROM recruiter.duplicate_applications_archive"
                    + " WHERE archived_at IS NULL OR row_data IS NULL")).isZero();

            // references moved to the kept rows, and counted
            assertThat(rows(c, "SELECT id, related_application_id FROM public.notifications WHERE id <= 5 ORDER BY id"))
                    .containsExactly("1|2", "2|2", "3|3", "4|6", "5|6");
            assertThat(rows(c, "SELECT id, application_id FROM public.interview_schedules ORDER BY id"))
                    .containsExactly("1|2", "2|10");
            assertThat(string(c, "SELECT repointed = '{\"public.notifications.related_application_id\": 1,"
                    + " \"public.interview_schedules.application_id\": 1}'::jsonb"
                    + " FROM recruiter.duplicate_applications_archive WHERE application_id = 1")).isEqualTo("t");

            // and the rule now holds
            assertThat(count(c, "SELECT count(*) FROM (SELECT job_id, candidate_id FROM public.job_applications"
                    + " GROUP BY 1, 2 HAVING count(*) > 1) d")).isZero();
        }
    }

    @Test
    void duplicateAccountsAreArchivedKeepingTheFreshestRow() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM public.accounts")
                    + count(c, "SELECT count(*) FROM recruiter.duplicate_accounts_archive")).isEqualTo(accountsBefore);
            assertThat(rows(c, "SELECT account_id, kept_account_id, row_data->>'access_token'"
                    + " FROM recruiter.duplicate_accounts_archive")).containsExactly("10|11|old-token");
            assertThat(string(c, "SELECT access_token FROM public.accounts WHERE id = 11")).isEqualTo("new-token");
        }
    }

    @Test
    void ruleBreakersAreKeptTheirConstraintStaysNotValidAndIsReported() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(rows(c, "SELECT conname, convalidated FROM pg_constraint WHERE conname IN ("
                    + "'ck_candidates_salary_expectation_range', 'ck_jobs_status_values', 'ck_jobs_job_type_values',"
                    + "'ck_jobs_location_type_values', 'ck_jobs_posted_at_not_after_expires_at') ORDER BY 1"))
                    .containsExactly("ck_candidates_salary_expectation_range|f",
                            "ck_jobs_job_type_values|t",
                            "ck_jobs_location_type_values|t",
                            "ck_jobs_posted_at_not_after_expires_at|t",
                            "ck_jobs_status_values|f");
            // the rows are untouched
            assertThat(rows(c, "SELECT salary_expectation_min, salary_expectation_max FROM public.candidates"
                    + " WHERE id = 40")).containsExactly("900000|500000");
            assertThat(string(c, "SELECT status FROM public.jobs WHERE id = 9")).isEqualTo("Published");
            assertThat(count(c, "SELECT count(*) FROM public.job_applications WHERE id = 12")).isEqualTo(1);
            // and counted for doctor
            assertThat(rows(c, "SELECT table_name, constraint_name, violating_rows"
                    + " FROM recruiter.check_constraint_violations()"))
                    .containsExactly("public.candidates|ck_candidates_salary_expectation_range|1",
                            "public.jobs|ck_jobs_status_values|1");
            // a NOT VALID constraint still guards new rows
            assertThatThrownBy(() -> exec(c, "UPDATE public.jobs SET status = 'Closed' WHERE id = 8"))
                    .hasMessageContaining("ck_jobs_status_values");
        }
        List<String> messages = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).anyMatch(m -> m.contains("ck_candidates_salary_expectation_range")
                && m.contains("stays NOT VALID") && m.contains("1 existing row"));
        assertThat(messages).anyMatch(m -> m.contains("ck_jobs_status_values") && m.contains("stays NOT VALID"));
        assertThat(messages).anyMatch(m -> m.contains("applied_at in the future"));
        assertThat(messages).anyMatch(m -> m.contains("Duplicate applications: 6 rows in 5"));
    }

    @Test
    void statusHistoryIsBackfilledAndEndsAtTheCurrentStatus() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            long apps = count(c, "SELECT count(*) FROM public.job_applications");
            long notApplied = count(c, "SELECT count(*) FROM public.job_applications WHERE status <> 'applied'");
            assertThat(count(c, "SELECT count(*) FROM recruiter.application_status_events WHERE source = 'backfill'"))
                    .isEqualTo(apps + notApplied);
            // one creation event per application, dated applied_at
            assertThat(count(c, "SELECT count(*) FROM public.job_applications a JOIN recruiter.application_status_events e"
                    + " ON e.application_id = a.id AND e.from_status IS NULL AND e.to_status = 'applied'"
                    + " AND e.changed_at = a.applied_at")).isEqualTo(apps);
            // the latest event of every application is its current status
            assertThat(count(c, "SELECT count(*) FROM public.job_applications a WHERE a.status IS DISTINCT FROM"
                    + " (SELECT e.to_status FROM recruiter.application_status_events e WHERE e.application_id = a.id"
                    + "   ORDER BY e.changed_at DESC, e.id DESC LIMIT 1)")).isZero();
            // application 9 (viewed): applied at 2025-11-03, viewed at 2025-11-05
            assertThat(rows(c, "SELECT coalesce(from_status::text, '-'), to_status, changed_at AT TIME ZONE 'UTC'"
                    + " FROM recruiter.application_status_events WHERE application_id = 9 ORDER BY changed_at, id"))
                    .containsExactly("-|applied|2025-11-03 10:00:00", "applied|viewed|2025-11-05 10:00:00");
        }
    }

    @Test
    void searchAndSummaryAreFilledForExistingData() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM recruiter.candidate_search"))
                    .isEqualTo(count(c, "SELECT count(*) FROM public.candidates"));
            assertThat(strings(c, "SELECT job_id::text FROM recruiter.active_jobs_summary ORDER BY job_id"))
                    .containsExactly("1", "2", "3", "4", "5", "6");
            assertThat(rows(c, "SELECT total_applications, shortlisted_count, rejected_count FROM"
                    + " recruiter.active_jobs_summary WHERE job_id = 1")).containsExactly("2|1|1");
            assertThat(count(c, "SELECT count(*) FROM recruiter.materialized_view_refreshes")).isEqualTo(1);
        }
    }

    @Test
    void everyMigrationCanRunAgainOverItsOwnResult() throws SQLException {
        TestDatabase.Db again = MigratedDatabases.platformWithFixture("adoption_rerun");
        new Migrator(again.superuser()).migrate(true, null, msg -> { });
        List<String> before;
        try (Connection c = again.superuser().getConnection()) {
            before = snapshot(c);
            // as if every migration after V1 had failed right at its end: forget them all, then migrate again
            exec(c, "DELETE FROM recruiter.flyway_schema_history WHERE version IS NOT NULL AND version <> '1'");
        }
        Migrator.Result result = new Migrator(again.superuser()).migrate(false, null, msg -> { });
        assertThat(result.applied()).isGreaterThanOrEqualTo(16);
        try (Connection c = again.superuser().getConnection()) {
            assertThat(snapshot(c)).isEqualTo(before);
        }
    }

    private static List<String> snapshot(Connection c) throws SQLException {
        return List.of(
                "apps " + count(c, "SELECT count(*) FROM public.job_applications"),
                "dup apps " + count(c, "SELECT count(*) FROM recruiter.duplicate_applications_archive"),
                "dup accounts " + count(c, "SELECT count(*) FROM recruiter.duplicate_accounts_archive"),
                "events " + count(c, "SELECT count(*) FROM recruiter.application_status_events"),
                "search " + count(c, "SELECT count(*) FROM recruiter.candidate_search"),
                "deleted " + count(c, "SELECT count(*) FROM recruiter.deleted_applications_archive"),
                "not valid " + strings(c, "SELECT conname FROM pg_constraint WHERE NOT convalidated ORDER BY 1"),
                "invalid indexes " + count(c, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"),
                "indexes " + count(c, "SELECT count(*) FROM pg_indexes WHERE schemaname IN ('public', 'recruiter')"),
                "triggers " + count(c, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"));
    }
}
