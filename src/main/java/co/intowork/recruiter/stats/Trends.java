package co.intowork.recruiter.stats;

import java.time.LocalDate;
import java.util.List;

/** Applications per week (weeks start on Monday), per source, and the jobs with the most applications. */
public record Trends(List<WeekCount> weeks, List<SourceCount> sources, List<JobCount> topJobs) {

    public record WeekCount(LocalDate week, long applications) {
    }

    /** {@code source} is null for applications with no source_ref (direct applications). */
    public record SourceCount(String source, long applications) {
    }

    public record JobCount(int jobId, String title, long applications) {
    }
}
