package co.intowork.recruiter.stats;

/**
 * One duration measure over the applications of a scope: {@code metric} is first_view, hire, or stage:&lt;status&gt;
 * (a completed stay in that status); median and 90th percentile in seconds over {@code count} samples.
 */
public record TimeMetric(String metric, long count, double medianSeconds, double p90Seconds) {
    public static final String FIRST_VIEW = "first_view";
    public static final String HIRE = "hire";
    public static final String STAGE_PREFIX = "stage:";
}
