package co.intowork.recruiter.stats;

import org.apache.ibatis.annotations.Param;

import java.time.OffsetDateTime;
import java.util.List;

public interface StatsMapper {
    Dashboard dashboard(@Param("q") StatsQuery query);

    Funnel funnel(@Param("q") StatsQuery query);

    List<TimeMetric> times(@Param("q") StatsQuery query);

    List<StaleApplication> stale(@Param("q") StatsQuery query, @Param("limit") int limit);

    List<Trends.WeekCount> weekly(@Param("q") StatsQuery query);

    List<Trends.SourceCount> sources(@Param("q") StatsQuery query);

    List<Trends.JobCount> topJobs(@Param("q") StatsQuery query, @Param("limit") int limit);

    List<JobOption> jobs(@Param("q") StatsQuery query, @Param("search") String search, @Param("limit") int limit);

    boolean jobVisible(@Param("jobId") int jobId);

    List<JobSummary> activeJobsSummary();

    OffsetDateTime refreshActiveJobsSummary();

    ServerState serverState();
}
