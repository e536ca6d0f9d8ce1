package co.intowork.recruiter.stats;

import java.time.OffsetDateTime;

/** One row of recruiter.active_jobs_summary as of {@code refreshedAt}. */
public record JobSummary(int jobId, String title, OffsetDateTime postedAt, long applied, long viewed,
                         long shortlisted, long interview, long rejected, long accepted, long total,
                         OffsetDateTime lastApplicationAt, OffsetDateTime refreshedAt) {
}
