package co.intowork.recruiter.stats;

import co.intowork.recruiter.auth.SessionMapper;
import co.intowork.recruiter.common.db.SqlErrors;
import co.intowork.recruiter.common.db.UnitOfWork;
import org.apache.ibatis.session.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads the statistics of a scope: each panel one statement, all panels of a screen in one transaction. Reads go to
 * the replica when one is configured and answers, otherwise to the main database; every result says which.
 * The active jobs summary and its refresh always use the main database (the refresh writes).
 */
public final class StatsService {
    private static final Logger log = LoggerFactory.getLogger(StatsService.class);
    public static final int STALE_LIMIT = 200;
    public static final int TOP_JOBS = 10;

    /** Everything the statistics screen shows, read together. */
    public record Overview(Dashboard dashboard, Funnel funnel, List<TimeMetric> times,
                           List<StaleApplication> stale, Trends trends, DataSourceReport source) {
    }

    /** The headline figures and the funnel, for the command line. */
    public record Headline(Dashboard dashboard, Funnel funnel, DataSourceReport source) {
    }

    /** Work that reads the figures and is told where they come from. */
    @FunctionalInterface
    private interface Sourced<T> {
        T run(SqlSession session, DataSourceReport source) throws Exception;
    }

    private final UnitOfWork primary;
    private final ReplicaSource replica;

    public StatsService(UnitOfWork primary, ReplicaSource replica) {
        this.primary = primary;
        this.replica = replica;
    }

    public Overview overview(StatsQuery q) {
        return read((s, source) -> {
            StatsMapper m = s.getMapper(StatsMapper.class);
            Dashboard dashboard = m.dashboard(q);
            Funnel funnel = m.funnel(q);
            List<TimeMetric> times = m.times(q);
            List<StaleApplication> stale = m.stale(q, STALE_LIMIT);
            List<Trends.WeekCount> weekly = m.weekly(q);
            List<Trends.SourceCount> sources = m.sources(q);
            // last, and planned for this company: a generic plan, costed for an average company's few jobs, sorted
            // the largest company's 8,000 counts (8 ms) where ix_job_application_counts_company_total hands out its
            // first ten (0.6 ms; planning about 1 ms)
            s.getMapper(SessionMapper.class).planForTheseValues();
            List<Trends.JobCount> topJobs = m.topJobs(q, TOP_JOBS);
            return new Overview(dashboard, funnel, times, stale, new Trends(weekly, sources, topJobs), source);
        });
    }

    public Headline headline(StatsQuery q) {
        return read((s, source) -> {
            StatsMapper m = s.getMapper(StatsMapper.class);
            return new Headline(m.dashboard(q), m.funnel(q), source);
        });
    }

    public Dashboard dashboard(StatsQuery q) {
        return read((s, source) -> s.getMapper(StatsMapper.class).dashboard(q));
    }

    /** How many jobs the job filter offers at a time: the most recent, or those matching what was typed. */
    public static final int JOB_CHOICES = 100;

    /** The job filter's choices: the most recent jobs of the scope, or those matching {@code search} (blank: none). */
    public List<JobOption> jobs(StatsQuery q, String search) {
        return primary.inTransaction(s -> {
            s.getMapper(SessionMapper.class).planForTheseValues();
            return s.getMapper(StatsMapper.class).jobs(q, search, JOB_CHOICES);
        });
    }

    /** Whether the signed-in person may see this live job (row-level security decides). */
    public boolean jobVisible(int jobId) {
        return primary.inTransaction(s -> s.getMapper(StatsMapper.class).jobVisible(jobId));
    }

    public List<JobSummary> activeJobsSummary() {
        return primary.inTransaction(s -> s.getMapper(StatsMapper.class).activeJobsSummary());
    }

    /** Refreshes the summary (at most once a minute server-side) and returns the time its figures describe. */
    public OffsetDateTime refreshActiveJobsSummary() {
        return primary.inTransaction(s -> s.getMapper(StatsMapper.class).refreshActiveJobsSummary());
    }

    private <T> T read(Sourced<T> work) {
        if (replica != null) {
            UnitOfWork onReplica = null;
            try {
                onReplica = replica.unitOfWork();
                if (onReplica != null) {
                    return onReplica.inTransaction(s -> work.run(s, DataSourceReport.replica(state(s))));
                }
            } catch (RuntimeException e) {
                // Whatever went wrong there (unreachable, a session not replicated yet, recovery conflict), the
                // main database can answer: a statement that is wrong in itself fails there too and is reported.
                String reason = SqlErrors.describe(e);
                log.warn("Statistics replica failed, reading the main database: {}", reason, e);
                replica.failed(reason);
            }
            String reason = replica.lastFailure();
            return primary.inTransaction(s -> work.run(s, DataSourceReport.fallback(reason)));
        }
        return primary.inTransaction(s -> work.run(s, DataSourceReport.primary()));
    }

    private static ServerState state(SqlSession s) {
        return s.getMapper(StatsMapper.class).serverState();
    }

    /** Closes the replica's pool, if one was opened. */
    public void close() {
        if (replica != null) {
            replica.close();
        }
    }
}
