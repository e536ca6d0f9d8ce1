package co.intowork.recruiter.sync;

import co.intowork.recruiter.board.ApplicationStatus;

/** The fields an offline operation may change, with the version they were read at. */
public record ApplicationState(int applicationId, int jobId, int version, ApplicationStatus status, String notes,
                               Integer rating, String scorecard) {
    public ApplicationState withVersion(int newVersion) {
        return new ApplicationState(applicationId, jobId, newVersion, status, notes, rating, scorecard);
    }
}
