package co.intowork.recruiter.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The plan tests' "rest of the platform" (thousands of other companies' jobs and applications added to a copy of
 * the demo data), loaded the way the seeders load, not row by row through every trigger: set-based rebuilds after
 * the insert write the same rows of the derived tables as the per-row triggers (DemoSeederTest and the migrations'
 * tests check that the rebuilds equal the triggers' work). Row by row these inserts took most of the plan suites'
 * set-up on the 2-core machine: 18,500 applications 19 s (the statistics rollups' trigger 9 s of it, the live
 * board's change events 5 s, the counts 2 s), 8,000 jobs 7 to 11 s (the search terms and counts triggers).
 */
public final class BulkLoad {
    private BulkLoad() {
    }

    /**
     * Applications (or other rows whose derived tables the demo seed defers) inserted with recruiter.bulk_load and
     * recruiter.stats_deferred on for the transaction (V32, V40), then the per-job counts and the statistics rollups
     * rebuilt in it. The status history is still written by its trigger, the foreign keys still checked; the live
     * board's change events are not written (nothing listens to a plan test, and no guarded statement reads them).
     */
    public static void applications(TestDatabase.Db db, String insert, Object... params) {
        inTransaction(db, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT set_config('recruiter.bulk_load', 'on', true),"
                        + " set_config('recruiter.stats_deferred', 'on', true)");
            }
            execute(c, insert, params);
            try (Statement st = c.createStatement()) {
                // the rebuilds join the applications: their plans need the new rows' statistics
                st.execute("ANALYZE public.job_applications");
                st.execute("SELECT recruiter.rebuild_job_application_counts(), recruiter.stats_rebuild()");
            }
        });
    }

    /**
     * Jobs inserted with the triggers off (session_replication_role = replica, as StatsQueryPlanTest loads its
     * platform), then the two tables their insert triggers fill rebuilt: the search terms and the per-job counts.
     * The rows must be valid as they stand: the foreign keys are not checked either.
     */
    public static void jobs(TestDatabase.Db db, String insert, Object... params) {
        inTransaction(db, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL session_replication_role = replica");
            }
            execute(c, insert, params);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL session_replication_role = origin");
                st.execute("ANALYZE public.jobs");
                st.execute("SELECT recruiter.rebuild_job_search_terms(), recruiter.rebuild_job_application_counts()");
            }
        });
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private static void inTransaction(TestDatabase.Db db, Work work) {
        try (Connection c = db.superuser().getConnection()) {
            c.setAutoCommit(false);
            work.run(c);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
