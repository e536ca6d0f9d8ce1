package co.intowork.recruiter.app.bench;

import co.intowork.recruiter.seed.DemoSeeder;
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
            try (Connection c = created.superuser().getConnection(); var st = c.createStatement()) {
                // the platform serves many companies: other employers' jobs make the jobs table large enough that
                // the row-level security checks probe it by id (as on the large data set) instead of hashing it
                st.execute("INSERT INTO public.jobs (employer_id, company_id, title, description, job_type,"
                        + " location_type, status, posted_at) SELECT e.id, e.company_id, 'Other company job ' || g,"
                        + " 'd', 'full_time', 'on_site', 'published', timestamptz '2026-05-01' - g * interval '1 hour'"
                        + " FROM generate_series(1, 8000) g, LATERAL (SELECT id, company_id FROM public.employers"
                        + " WHERE company_id IS NOT NULL AND company_id <> (SELECT company_id FROM public.employers"
                        + " ORDER BY id LIMIT 1) ORDER BY id OFFSET g % 5 LIMIT 1) e");
                st.execute("ANALYZE");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            db = created;
        }
        return db;
    }
}
