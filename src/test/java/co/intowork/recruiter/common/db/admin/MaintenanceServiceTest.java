package co.intowork.recruiter.common.db.admin;

import co.intowork.recruiter.common.db.Migrator;
import co.intowork.recruiter.common.db.migrations.MigratedDatabases;
import co.intowork.recruiter.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;

import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.exec;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.rows;
import static co.intowork.recruiter.common.db.migrations.MigratedDatabases.value;
import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceServiceTest {

    @Test
    void runsTheHousekeepingRefreshesTheSummaryAndValidatesCorrectedRules() throws Exception {
        TestDatabase.Db db = MigratedDatabases.platformWithFixture("maintain");
        new Migrator(db.superuser()).migrate(true, null, m -> { });
        MaintenanceService service = new MaintenanceService(db.superuser());
        try (Connection c = db.superuser().getConnection()) {
            // desktop sessions: one ended 40 days ago, one revoked yesterday, one live; sign-in attempts of 31 days
            // ago and of today
            exec(c, "INSERT INTO recruiter.client_sessions (token_hash, user_id, employer_id, created_at, expires_at,"
                    + " revoked_at) VALUES ('\\x01', 1, 1, now() - interval '41 days', now() - interval '40 days', NULL),"
                    + " ('\\x02', 1, 1, now() - interval '2 days', now() + interval '1 hour', now() - interval '1 day'),"
                    + " ('\\x03', 1, 1, now(), now() + interval '12 hours', NULL)");
            exec(c, "INSERT INTO recruiter.sign_in_log (attempt_hash, email_key, outcome, started_at) VALUES"
                    + " ('\\x01', 'old@example.com', 'invalid', now() - interval '31 days'),"
                    + " ('\\x02', 'new@example.com', 'invalid', now())");
            // a desktop move whose client died within its undo window, and no client signed in since (V38)
            exec(c, "INSERT INTO recruiter.pending_status_notifications (application_id, from_status, to_status,"
                    + " requested_by, first_at, due_at) SELECT min(id), 'applied', 'viewed', 1,"
                    + " now() - interval '1 minute', now() - interval '50 seconds' FROM public.job_applications");
            // live-board events (V42): one 8 days old, one of now
            exec(c, "INSERT INTO recruiter.change_events (kind, next_xid, created_at) VALUES"
                    + " ('old', '1', now() - interval '8 days'), ('recent', '1', now())");
        }

        MaintenanceReport first = service.run();
        try (Connection c = db.superuser().getConnection()) {
            assertThat(rows(c, "SELECT count(*) FROM recruiter.pending_status_notifications")).containsExactly("0");
            assertThat(rows(c, "SELECT count(*) FROM public.notifications WHERE type = 'STATUS_CHANGE'"
                    + " AND message LIKE '%mise à jour: vue par le recruteur'")).containsExactly("1");
        }
        assertThat(first.problems()).isEmpty();
        assertThat(first.succeeded()).isTrue();
        assertThat(first.expiredSessionsPurged()).isEqualTo(2);
        assertThat(first.desktopSessionsPurged()).isEqualTo(1);
        assertThat(first.candidateVisibilityRepairs()).isZero();
        assertThat(first.applicationCountRepairs()).isZero();
        assertThat(first.statisticsRepairs()).isZero();
        assertThat(first.searchTermRepairs()).isZero();
        assertThat(first.recruiterNameRepairs()).isZero();
        assertThat(first.jobTagRepairs()).isZero();
        try (Connection c = db.superuser().getConnection()) {
            assertThat(rows(c, "SELECT email_key FROM recruiter.sign_in_log")).containsExactly("new@example.com");
            assertThat(rows(c, "SELECT kind FROM recruiter.change_events WHERE kind IN ('old', 'recent')"))
                    .containsExactly("recent");
        }
        assertThat(first.passwordResetTokensPurged()).isEqualTo(2);
        assertThat(first.verificationTokensPurged()).isEqualTo(1);
        assertThat(first.notificationsArchived()).isEqualTo(3);
        assertThat(first.constraints()).extracting(MaintenanceReport.ConstraintValidation::constraintName)
                .containsExactly("ck_candidates_salary_expectation_range", "ck_jobs_status_values");
        assertThat(first.constraints()).noneMatch(MaintenanceReport.ConstraintValidation::validated);
        try (Connection c = db.superuser().getConnection()) {
            Timestamp recorded = (Timestamp) value(c, "SELECT refreshed_at FROM recruiter.materialized_view_refreshes");
            assertThat(first.activeJobsSummaryRefreshedAt().toInstant()).isEqualTo(recorded.toInstant());
        }
        assertThat(first.describe()).contains("2 expired sessions purged.", "1 expired verification token purged.")
                .anyMatch(l -> l.startsWith("3 notifications archived"))
                .anyMatch(l -> l.contains("ck_jobs_status_values") && l.contains("stays NOT VALID"));

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(first));
        assertThat(json.get("expiredSessionsPurged").asInt()).isEqualTo(2);
        assertThat(json.get("activeJobsSummaryRefreshedAt").asText()).isEqualTo(
                first.activeJobsSummaryRefreshedAt().toString());

        // IT corrects the rows that broke the rules; the next run validates them
        try (Connection c = db.superuser().getConnection()) {
            exec(c, "UPDATE public.candidates SET salary_expectation_min = 500000, salary_expectation_max = 900000"
                    + " WHERE id = 40");
            exec(c, "UPDATE public.jobs SET status = 'published' WHERE id = 9");
            // a (company, candidate) pair lost, as a race during the first fill could lose one
            exec(c, "DELETE FROM recruiter.company_candidates WHERE ctid IN"
                    + " (SELECT ctid FROM recruiter.company_candidates LIMIT 1)");
            // a statistics row that drifted (a bulk load with triggers off) and an application's facts lost
            exec(c, "UPDATE recruiter.stats_company_day SET applications = applications + 5"
                    + " WHERE (company_id, day) IN (SELECT company_id, day FROM recruiter.stats_company_day LIMIT 1)");
            exec(c, "DELETE FROM recruiter.stats_application_facts WHERE application_id IN"
                    + " (SELECT application_id FROM recruiter.stats_application_facts LIMIT 1)");
        }
        MaintenanceReport second = service.run();
        assertThat(second.candidateVisibilityRepairs()).isEqualTo(1);
        assertThat(second.statisticsRepairs()).isEqualTo(2);
        assertThat(second.describe()).contains("Statistics rollups: 2 row(s) had drifted and were repaired.");
        assertThat(second.expiredSessionsPurged()).isZero();
        assertThat(second.notificationsArchived()).isZero();
        assertThat(second.constraints()).allMatch(MaintenanceReport.ConstraintValidation::validated);
        assertThat(second.activeJobsSummaryRefreshedAt()).isAfter(first.activeJobsSummaryRefreshedAt());
        try (Connection c = db.superuser().getConnection()) {
            assertThat(rows(c, "SELECT conname FROM pg_constraint WHERE NOT convalidated")).isEmpty();
            assertThat(value(c, "SELECT total_applications FROM recruiter.active_jobs_summary WHERE job_id = 9"))
                    .isEqualTo(0L);
        }
        assertThat(new DoctorService(db.superuser()).check().notValidConstraints()).isEmpty();
    }

    @Test
    void reportsEachFailedStepInsteadOfStopping() throws SQLException {
        TestDatabase.Db db = MigratedDatabases.migratedTo("maintain_v1", "1");
        MaintenanceReport report = new MaintenanceService(db.superuser()).run(30, 180);
        assertThat(report.problems()).hasSize(15)
                .allMatch(p -> p.contains("failed: The database reported an error"));
        assertThat(report.expiredSessionsPurged()).isNull();
        assertThat(report.statisticsRepairs()).isNull();
        assertThat(report.activeJobsSummaryRefreshedAt()).isNull();
        assertThat(report.succeeded()).isFalse();
        assertThat(report.describe()).anyMatch(l -> l.contains("the step failed"));
    }
}
