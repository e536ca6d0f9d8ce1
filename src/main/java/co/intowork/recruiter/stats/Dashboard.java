package co.intowork.recruiter.stats;

/**
 * The headline figures of a scope and period. {@code responseRate} is the share of applications no longer
 * {@code applied} (0..1), null when there are none.
 */
public record Dashboard(long activeJobs, long applications, long newApplications, long inInterview, long accepted,
                        long rejected, Double responseRate) {
}
