package co.intowork.recruiter.app.bench.load;

import org.apache.ibatis.session.SqlSessionFactory;

import java.util.List;
import java.util.Map;

/**
 * The servers a load run talks to: a PgBouncer in transaction mode in front of a primary and, optionally, a
 * streaming standby; the faults a drill can cause. The command runs Debian's servers ({@link LocalCluster}); the CI
 * test runs the tests' embedded server without a standby.
 */
public interface Cluster extends AutoCloseable {
    /** Starts PgBouncer knowing these logins (its auth_file). */
    PgBouncer startPooler(List<String> logins);

    PgBouncer pooler();

    /** The standby's own PgBouncer (short query_wait_timeout), or null when the standby is behind {@link #pooler}. */
    default PgBouncer standbyPooler() {
        return null;
    }

    /** PgBouncer's database name for the primary, and for the standby (null: none). */
    String primaryDatabase();

    String standbyDatabase();

    /** The superuser's statements (LoadTestMapper) directly on the primary, and on the standby (null: none). */
    SqlSessionFactory primaryAdmin();

    SqlSessionFactory standbyAdmin();

    /** What the data set is, for the report. */
    String dataSet();

    /** Root process ids by name ("primary", "standby", "pgbouncer") for the CPU figures. */
    Map<String, Long> processes();

    default void restartPrimary() {
        throw new UnsupportedOperationException("This cluster cannot restart its primary");
    }

    default void stopStandby() {
        throw new UnsupportedOperationException("This cluster has no standby");
    }

    default void startStandby() {
        throw new UnsupportedOperationException("This cluster has no standby");
    }

    @Override
    void close();
}
