package co.intowork.recruiter.common.ui;

/** Moves between the workspace's screens; feature ViewModels call it, the main window carries it out. */
public interface Navigator {
    void showPipeline();

    /** The status board of one job. */
    void showBoard(int jobId);

    /** The review of one application. */
    void showReview(int applicationId);
}
