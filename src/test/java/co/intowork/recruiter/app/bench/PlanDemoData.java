package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.seed.DemoSeeder;
import co.intowork.recruiter.testing.BulkLoad;
import co.intowork.recruiter.testing.DemoDatabase;
import co.intowork.recruiter.testing.TestDatabase;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One demo database per test JVM for the bench's tests, large enough for the planner's choices to matter (1,500
 * demo jobs, ~30,000 applications, 8,000 other companies' jobs, ANALYZE done): a copy of the demo template
 * PipelinePlanTest copies too. Neither test changes it: the bench rolls its writes back and the plan guard only
 * explains.
 */
final class PlanDemoData {
    private static TestDatabase.Db db;

    private PlanDemoData() {
    }

    static synchronized TestDatabase.Db get() {
        if (db == null) {
            TestDatabase.Db created = DemoDatabase.create("bench_plans", new DemoSeeder.Options(42,
                    OffsetDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC), 3000, 1500, 40));
            // the platform serves many companies: other employers' jobs make the jobs table large enough that
            // the row-level security checks probe it by id (as on the large data set) instead of hashing it
            BulkLoad.jobs(created, "INSERT INTO public.jobs (employer_id, company_id, title, description, job_type,"
                    + " location_type, status, posted_at) SELECT e.id, e.company_id, 'Other company job ' || g,"
                    + " 'd', 'full_time', 'on_site', 'published', timestamptz '2026-05-01' - g * interval '1 hour'"
                    + " FROM generate_series(1, 8000) g, LATERAL (SELECT id, company_id FROM public.employers"
                    + " WHERE company_id IS NOT NULL AND company_id <> (SELECT company_id FROM public.employers"
                    + " ORDER BY id LIMIT 1) ORDER BY id OFFSET g % 5 LIMIT 1) e");
            try (Connection c = created.superuser().getConnection(); var st = c.createStatement()) {
                // interviews (issue 21): one per application in Interview, around the anchor date, with its job's
                // author as interviewer; V43's trigger fills the calendar and the bookings
                st.execute("INSERT INTO public.interview_schedules (application_id, created_by_user_id, title,"
                        + " location, scheduled_at, duration_minutes, timezone, interviewers, candidate_email, status,"
                        + " reminder_sent, confirmation_received)"
                        + " SELECT a.id, e.user_id, 'Entretien', 'Libreville', timestamptz '2026-04-20 08:00+00'"
                        + " + (a.id % 25) * interval '1 day' + (a.id % 9) * interval '1 hour', 45, 'Africa/Libreville',"
                        + " jsonb_build_array(jsonb_build_object('user_id', u.id, 'name', u.first_name, 'email', u.email)),"
                        + " cu.email, 'SCHEDULED', false, false"
                        + " FROM public.job_applications a JOIN public.jobs j ON j.id = a.job_id"
                        + " JOIN public.employers e ON e.id = j.employer_id JOIN public.users u ON u.id = e.user_id"
                        + " JOIN public.candidates c ON c.id = a.candidate_id JOIN public.users cu ON cu.id = c.user_id"
                        + " WHERE a.status::text = 'interview'");
                st.execute("ANALYZE");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            db = created;
        }
        return db;
    }
}
