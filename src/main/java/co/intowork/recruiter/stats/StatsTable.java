package co.intowork.recruiter.stats;

/** The tables of the statistics screen, each exportable to CSV. */
public enum StatsTable {
    DASHBOARD("dashboard"),
    FUNNEL("funnel"),
    TIMES("time-in-stage"),
    STALE("stale-applications"),
    WEEKS("applications-per-week"),
    SOURCES("applications-by-source"),
    TOP_JOBS("top-jobs"),
    SUMMARY("active-jobs-summary");

    private final String fileName;

    StatsTable(String fileName) {
        this.fileName = fileName;
    }

    /** A default file name, e.g. funnel.csv. */
    public String fileName() {
        return fileName + ".csv";
    }
}
