package co.intowork.recruiter.search;

import co.intowork.recruiter.board.ApplicationStatus;

/** One application of a candidate found, on a job the signed-in person can see. */
public record AppliedJob(int candidateId, int applicationId, int jobId, String jobTitle, ApplicationStatus status) {
}
