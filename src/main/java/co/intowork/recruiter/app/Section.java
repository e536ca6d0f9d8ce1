package co.intowork.recruiter.app;

/** The main window's navigation targets. */
public enum Section {
    PIPELINE("Pipeline", "Jobs and their applications by status"),
    BOARD("Board", "Move applications through the stages of one job"),
    REVIEW("Review", "Read a candidate's profile, CV and history; note and rate"),
    STATISTICS("Statistics", "Funnel, time in stage and trends");

    private final String title;
    private final String summary;

    Section(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }
}
